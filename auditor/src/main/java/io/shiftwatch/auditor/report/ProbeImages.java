package io.shiftwatch.auditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shiftwatch.migrations.ProbeSetRows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The probe images of one probe set folder as thumbnails (PNG). Reads the folder format written by the
 * models module ({@code probe.json}: imageSize, imageCount, imagesSha256, samples with an image index;
 * {@code images.bin}: the images' raw RGB, concatenated) and checks images.bin against its recorded
 * SHA-256. It does not use the models module's reader because the auditor may only depend on ingest and
 * migrations (house plan). A folder that is missing or does not verify gives {@link #unavailable}, whose
 * reason the report prints instead of the thumbnails.
 */
final class ProbeImages {
    /** Thumbnails are scaled up by a whole factor (nearest neighbour) to at least this many pixels. */
    static final int MIN_THUMBNAIL_PX = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> imageOfSample;
    private final int imageSize;
    private final byte[] rgb;
    private final String unavailableReason;

    private ProbeImages(Map<String, Integer> imageOfSample, int imageSize, byte[] rgb, String unavailableReason) {
        this.imageOfSample = imageOfSample;
        this.imageSize = imageSize;
        this.rgb = rgb;
        this.unavailableReason = unavailableReason;
    }

    static ProbeImages unavailable(String reason) {
        return new ProbeImages(Map.of(), 0, new byte[0], reason);
    }

    /** Why no thumbnails can be shown, or null when the folder was read. */
    String unavailableReason() {
        return unavailableReason;
    }

    /** Opens {@code dir}; never throws for a missing or bad folder (see {@link #unavailable}). */
    static ProbeImages open(Path dir) {
        try {
            JsonNode doc = JSON.readTree(Files.readAllBytes(dir.resolve("probe.json")));
            int size = doc.path("imageSize").asInt(0);
            int count = doc.path("imageCount").asInt(0);
            byte[] bin = Files.readAllBytes(dir.resolve("images.bin"));
            if (size <= 0 || bin.length != (long) count * size * size * 3)
                return unavailable("probe images in " + dir + " do not have the size probe.json records");
            if (!sha256(bin).equals(doc.path("imagesSha256").asText()))
                return unavailable("images.bin in " + dir + " does not match the SHA-256 recorded in probe.json");
            Map<String, Integer> index = new HashMap<>();
            doc.path("samples").forEach(s -> index.put(s.path("id").asText(), s.path("image").asInt(-1)));
            return new ProbeImages(index, size, bin, null);
        } catch (IOException e) {
            return unavailable("probe images could not be read from " + dir + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
    }

    /** The sample's image as a PNG thumbnail; empty when the folder has no such sample. */
    Optional<byte[]> png(String sampleId) {
        Integer image = imageOfSample.get(sampleId);
        int bytes = imageSize * imageSize * 3;
        if (image == null || image < 0 || (long) (image + 1) * bytes > rgb.length) return Optional.empty();
        int scale = Math.max(1, (MIN_THUMBNAIL_PX + imageSize - 1) / imageSize);
        byte[] pixels = java.util.Arrays.copyOfRange(rgb, image * bytes, (image + 1) * bytes);
        return Optional.of(ProbeSetRows.png(pixels, imageSize, scale));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
