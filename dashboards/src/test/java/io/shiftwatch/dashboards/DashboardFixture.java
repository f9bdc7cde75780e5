package io.shiftwatch.dashboards;

import io.shiftwatch.dashboards.internal.LiveHub;
import io.shiftwatch.ingest.Secret;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ThrowawayDatabase;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorTable;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * A throwaway database with the migrations, the real analysed testbed run of {@link RealRun} (plus other
 * runs' concepts so that the vector index is worth using), a probe set folder, and a dashboards server on
 * a free port.
 */
final class DashboardFixture implements AutoCloseable {
    static final String READ_TOKEN = "read-token-0123456789", ACK_TOKEN = "ack-token-0123456789abc";
    /** The content hash of the fixture's own probe set folder (not the real run's; its images are in the database). */
    static final String FOLDER_PROBE_SET = "ab".repeat(32);
    final ThrowawayDatabase db;
    final DashboardServer server;
    /** The dimension of the real run's concept vectors, the real run's BIAS_ABSORBING finding and its concept. */
    final int dim;
    final String biasFinding, biasConcept;

    final java.nio.file.Path probeDir;

    DashboardFixture() throws SQLException, IOException {
        db = ThrowawayDatabase.migrated();
        try (var c = db.connect(); Statement s = c.createStatement()) {
            RealRun.load(c);
            try (var rs = s.executeQuery("SELECT max(dim) FROM concepts")) {
                rs.next();
                dim = rs.getInt(1);
            }
            biasFinding = RealRun.biasFinding(c);
            biasConcept = RealRun.biasConcept(c);
            // Other runs' concepts, so that the planner has a table worth an index (as in production).
            s.execute("INSERT INTO concept_dictionaries (dictionary_id, model_hash, probe_set_hash, target, layer, method, k, seed,"
                    + " config_hash, sample_count, is_base) VALUES ('" + "f".repeat(64) + "', 'other', 'other', 'dog', 3, 'KMEANS', 2000,"
                    + " 1, 'other', 2000, true)");
            s.execute("INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count) SELECT '" + "f".repeat(64)
                    + "', g - 1, ('[' || array_to_string(array(SELECT random() - 0.5 + g * 0 FROM generate_series(1, "
                    + dim + ")), ',') || ']')::vector, " + dim + ", 1, 1 FROM generate_series(1, 2000) g");
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);
            s.execute("ANALYZE");
        }
        probeDir = writeProbeSet(FOLDER_PROBE_SET);
        server = DashboardServer.start("127.0.0.1", 0, Database.dataSource(db.config),
                new DashboardsSettings.Tokens(new Secret(READ_TOKEN), new Secret(ACK_TOKEN)), List.of(probeDir), new LiveHub(),
                Clock.systemUTC());
    }

    /** "run/target/layer/concept": the UI route (after #/concept/) of the planted concept's page. */
    String biasConceptPage() {
        return RealRun.RUN + "/" + biasConcept;
    }

    /** A probe set folder in the format models' probe package writes: two 4x4 images, sample s0000 -> image 1 (red). */
    private static java.nio.file.Path writeProbeSet(String contentHash) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sw-probe-");
        java.nio.file.Files.writeString(dir.resolve("probe.json"), "{\"formatVersion\":1,\"id\":\"p\",\"imageSize\":4,\"contentHash\":\""
                + contentHash + "\",\"imageCount\":2,\"samples\":[{\"id\":\"s0000\",\"image\":1},{\"id\":\"s0003\",\"image\":0}]}");
        byte[] bin = new byte[2 * 4 * 4 * 3];
        for (int i = 48; i < bin.length; i += 3) bin[i] = (byte) 255;
        java.nio.file.Files.write(dir.resolve("images.bin"), bin);
        return dir;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws SQLException {
        server.close();
        db.close();
        try (var files = java.nio.file.Files.list(probeDir)) {
            for (var f : files.toList()) java.nio.file.Files.delete(f);
            java.nio.file.Files.delete(probeDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("temporary probe folder " + probeDir + " not removed", e);
        }
    }
}
