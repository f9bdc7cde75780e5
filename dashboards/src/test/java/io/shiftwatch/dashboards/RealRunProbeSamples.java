package io.shiftwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.dashboards.internal.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Part of the real-run dump (src/test/resources/real-run/regenerate.sh), not a test: prints SQL that
 * registers the probe set (its row, when the database does not have it yet) and every probe sample that a
 * concept of the dumped database shows as a top-activating image, with the sample's image stored as
 * {@code probe_samples.thumbnail_png}. With them the dump is self-contained: the dashboards and the report
 * show these images from the database, no probe set folder needed.
 * Arguments: JDBC URL, user, probe set folder (probe.json + images.bin); the password comes from
 * PGPASSWORD. Output on stdout; the order is by sample id, so the same database gives the same text.
 */
public final class RealRunProbeSamples {
    private static final String SHOWN = """
            SELECT DISTINCT ci.sample_id FROM concept_images ci
            JOIN concepts c ON c.concept_id = ci.concept_id
            JOIN concept_dictionaries d ON d.dictionary_id = c.dictionary_id AND d.probe_set_hash = ?
            ORDER BY ci.sample_id""";

    private RealRunProbeSamples() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) throw new IllegalArgumentException("usage: RealRunProbeSamples JDBC_URL USER PROBE_SET_DIR");
        Path dir = Path.of(args[2]);
        JsonNode probe = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("probe.json")));
        Map<String, Integer> ordinalOfSample = new HashMap<>();
        for (int i = 0; i < probe.path("samples").size(); i++) ordinalOfSample.put(probe.path("samples").get(i).path("id").asText(), i);
        String id = probe.path("id").asText();
        int size = probe.path("imageSize").asInt();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"));
             PreparedStatement q = c.prepareStatement(SHOWN)) {
            // The analyzer names a probe set by its own digest of what the model sees (not probe.json's contentHash).
            String hash = analysedProbeSet(c);
            out.printf("INSERT INTO probe_sets (probe_set_id, content_hash, image_size, sample_count) VALUES (%s, %s, %d, %d)"
                    + " ON CONFLICT DO NOTHING;%n", text(id), text(hash), size, probe.path("samples").size());
            q.setString(1, hash);
            try (ResultSet rs = q.executeQuery(); RandomAccessFile images = new RandomAccessFile(dir.resolve("images.bin").toFile(), "r")) {
                while (rs.next()) {
                    Integer ordinal = ordinalOfSample.get(rs.getString(1));
                    if (ordinal == null) throw new IllegalStateException("probe set " + dir + " has no sample " + rs.getString(1));
                    JsonNode sample = probe.path("samples").get(ordinal);
                    out.printf("INSERT INTO probe_samples (probe_set_id, sample_id, ordinal, prompt, expected, answer_type, labels,"
                                    + " thumbnail_png) VALUES ((SELECT probe_set_id FROM probe_sets WHERE content_hash = %s), %s, %d, %s, %s, %s,"
                                    + " %s::jsonb, decode('%s', 'hex')) ON CONFLICT (probe_set_id, sample_id) DO UPDATE SET thumbnail_png ="
                                    + " excluded.thumbnail_png;%n", text(hash), text(rs.getString(1)), ordinal, text(sample.path("prompt").asText()),
                            text(sample.path("expected").asText()), text(sample.path("answerType").asText()),
                            text(sample.path("labels").toString()),
                            HexFormat.of().formatHex(png(images, sample.path("image").asInt(), size)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the demo database " + args[0] + " failed; nothing was written", e);
        }
        out.flush();
    }

    private static String analysedProbeSet(Connection c) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT probe_set_hash FROM analyses")) {
            if (!rs.next()) throw new IllegalStateException("the demo database has no analysis yet; nothing was written");
            String hash = rs.getString(1);
            if (rs.next()) throw new IllegalStateException("the demo database has analyses of several probe sets; nothing was written");
            return hash;
        }
    }

    private static byte[] png(RandomAccessFile images, int image, int size) throws IOException {
        byte[] rgb = new byte[size * size * 3];
        images.seek((long) image * rgb.length);
        images.readFully(rgb);
        return io.shiftwatch.migrations.ProbeSetRows.png(rgb, size);
    }

    /** A SQL string literal of {@code s} (standard_conforming_strings: only quotes are doubled). */
    private static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
