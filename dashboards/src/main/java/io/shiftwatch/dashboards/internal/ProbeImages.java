package io.shiftwatch.dashboards.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.shiftwatch.migrations.ProbeSetRows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Top-activating probe images as PNG. A probe sample's image comes from the database
 * ({@code probe_samples.thumbnail_png}) when stored there, else from a probe set folder (probe.json +
 * images.bin, the format models' probe package writes: raw RGB, {@code imageSize²·3} bytes per image)
 * whose content hash is the analysis' probe-set hash; folders are the configured ones plus
 * {@code probe_sets.uri}. The analyzer names a probe set by its own digest of what the model sees, which
 * is not probe.json's contentHash, so when no folder matches by hash, a CONFIGURED folder that has a
 * sample of that id serves it (the operator chose those folders for this database). Otherwise the
 * answer says the image is not available and why.
 */
public final class ProbeImages {
    private static final String FOLDERS = "SELECT uri FROM probe_sets WHERE content_hash = ? AND uri IS NOT NULL";

    /** What an image request found. */
    public sealed interface Outcome permits Png, NotAvailable {
    }

    public record Png(byte[] bytes) implements Outcome {
    }

    public record NotAvailable(String reason) implements Outcome {
    }

    private record ProbeIndex(String contentHash, int imageSize, Map<String, Integer> imageOfSample) {
    }

    private final List<Path> folders;
    private final Map<Path, ProbeIndex> indexes = new ConcurrentHashMap<>();

    public ProbeImages(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    public static String url(String probeSetHash, String sampleId) {
        return "/api/images/" + probeSetHash + "/" + URLEncoder.encode(sampleId, StandardCharsets.UTF_8) + ".png";
    }

    public Outcome image(Connection c, String probeSetHash, String sampleId) throws SQLException {
        var stored = ProbeSetRows.thumbnail(c, probeSetHash, sampleId);
        if (stored.isPresent()) return new Png(stored.get());
        List<Path> candidates = new ArrayList<>(folders);
        for (String uri : Sql.list(c, FOLDERS, rs -> rs.getString(1), probeSetHash)) candidates.add(Path.of(uri.replaceFirst("^file:", "")));
        for (Path dir : candidates) {
            ProbeIndex index = index(dir);
            if (index == null || !index.contentHash.equals(probeSetHash)) continue;
            Integer image = index.imageOfSample.get(sampleId);
            if (image == null) return new NotAvailable("probe set " + dir + " has no sample " + sampleId);
            return read(dir, index, image);
        }
        for (Path dir : folders) {
            ProbeIndex index = index(dir);
            Integer image = index == null ? null : index.imageOfSample.get(sampleId);
            if (image != null) return read(dir, index, image);
        }
        return new NotAvailable("image not available: no probe set folder with content hash " + probeSetHash
                + " is configured (set dashboards.probe-dirs) and the database stores no thumbnail for " + sampleId);
    }

    private ProbeIndex index(Path dir) {
        return indexes.computeIfAbsent(dir, d -> {
            try {
                JsonNode doc = Json.MAPPER.readTree(Files.readAllBytes(d.resolve("probe.json")));
                Map<String, Integer> images = new HashMap<>();
                for (JsonNode s : doc.path("samples")) images.put(s.path("id").asText(), s.path("image").asInt());
                return new ProbeIndex(doc.path("contentHash").asText(), doc.path("imageSize").asInt(), images);
            } catch (IOException | RuntimeException e) {
                return null; // not a probe set folder (yet): it is tried again on the next request
            }
        });
    }

    private static Outcome read(Path dir, ProbeIndex index, int image) {
        int size = index.imageSize;
        byte[] rgb = new byte[size * size * 3];
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("images.bin").toFile(), "r")) {
            f.seek((long) image * rgb.length);
            f.readFully(rgb);
            return new Png(ProbeSetRows.png(rgb, size));
        } catch (IOException e) {
            return new NotAvailable("image " + image + " of " + dir + " cannot be read: " + e.getMessage());
        }
    }
}
