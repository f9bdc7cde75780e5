package io.shiftwatch.migrations;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A probe set as the database keeps it ({@code probe_sets}, {@code probe_samples} with each sample's image
 * as a PNG thumbnail), so dashboards and reports show the images an analysis used without the probe set
 * folder. The key is {@code content_hash}: the digest under which analyses name the probe set. Writes go
 * into the caller's transaction and are idempotent (a probe set already stored, by id or by hash, is left
 * as it is), so several analyzers may register the same set at once. Prepared statements only.
 */
public final class ProbeSetRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeSetRows() {
    }

    /**
     * One probe sample. {@code rgb}: row-major R,G,B bytes of a {@code size x size} image (the set's size).
     *
     * @param expected may be null; {@code labels} never null
     */
    public record Sample(String sampleId, String prompt, String expected, String answerType, Map<String, String> labels,
                         byte[] rgb) {
        public Sample {
            Objects.requireNonNull(sampleId, "sampleId");
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(answerType, "answerType");
            labels = Map.copyOf(labels);
            Objects.requireNonNull(rgb, "rgb");
        }
    }

    /**
     * A probe set to store. {@code uri}: where its folder was read (may be null); {@code contentHash}: 64
     * lowercase hex chars; samples in probe order (the ordinal), every image {@code imageSize}² pixels.
     */
    public record ProbeSetRow(String probeSetId, String uri, String contentHash, int imageSize, List<Sample> samples) {
        public ProbeSetRow {
            Objects.requireNonNull(probeSetId, "probeSetId");
            if (contentHash == null || !contentHash.matches("[0-9a-f]{64}"))
                throw new IllegalArgumentException("probe set " + probeSetId + ": content hash must be 64 lowercase hex"
                        + " characters, got " + contentHash);
            if (imageSize <= 0) throw new IllegalArgumentException("probe set " + probeSetId + ": image size " + imageSize);
            samples = List.copyOf(samples);
            for (Sample s : samples)
                if (s.rgb().length != imageSize * imageSize * 3)
                    throw new IllegalArgumentException("probe set " + probeSetId + ": sample " + s.sampleId() + " has "
                            + s.rgb().length + " image bytes, expected " + imageSize + "x" + imageSize + "x3");
        }
    }

    /** Whether a probe set with this content hash is stored. */
    public static boolean stored(Connection c, String contentHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM probe_sets WHERE content_hash = ?")) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Stores the set and all its samples with thumbnails, unless a set with its id or content hash is already
     * there; returns the number of sample rows written (0 when it was stored before).
     */
    public static int register(Connection c, ProbeSetRow set) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe_sets (probe_set_id, uri, content_hash, image_size,"
                + " sample_count) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, set.probeSetId());
            ps.setString(2, set.uri());
            ps.setString(3, set.contentHash());
            ps.setInt(4, set.imageSize());
            ps.setInt(5, set.samples().size());
            if (ps.executeUpdate() == 0) return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe_samples (probe_set_id, sample_id, ordinal, prompt,"
                + " expected, answer_type, labels, thumbnail_png) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            for (int i = 0; i < set.samples().size(); i++) {
                Sample s = set.samples().get(i);
                ps.setString(1, set.probeSetId());
                ps.setString(2, s.sampleId());
                ps.setInt(3, i);
                ps.setString(4, s.prompt());
                ps.setString(5, s.expected());
                ps.setString(6, s.answerType());
                ps.setString(7, JSON.valueToTree(s.labels()).toString());
                ps.setBytes(8, png(s.rgb(), set.imageSize()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return set.samples().size();
    }

    /** The stored thumbnail of a sample of the probe set with this content hash. */
    public static Optional<byte[]> thumbnail(Connection c, String contentHash, String sampleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ps.thumbnail_png FROM probe_samples ps JOIN probe_sets s"
                + " ON s.probe_set_id = ps.probe_set_id WHERE s.content_hash = ? AND ps.sample_id = ?"
                + " AND ps.thumbnail_png IS NOT NULL")) {
            ps.setString(1, contentHash);
            ps.setString(2, sampleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /**
     * Encodes a row-major RGB image ({@code size²·3} bytes) as PNG, each pixel repeated {@code scale} times
     * in both directions (nearest neighbour; 1 keeps the size).
     */
    public static byte[] png(byte[] rgb, int size, int scale) {
        if (rgb.length != size * size * 3 || scale < 1)
            throw new IllegalArgumentException("image of " + rgb.length + " bytes is not " + size + "x" + size
                    + "x3, or scale " + scale + " < 1");
        int side = size * scale;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = ((y / scale) * size + x / scale) * 3;
                img.setRGB(x, y, (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff));
            }
        }
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
    }

    /** {@link #png(byte[], int, int)} at the image's own size. */
    public static byte[] png(byte[] rgb, int size) {
        return png(rgb, size, 1);
    }
}
