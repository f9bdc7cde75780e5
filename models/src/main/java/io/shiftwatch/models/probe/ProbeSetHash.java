package io.shiftwatch.models.probe;

import io.shiftwatch.models.ProbeSample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content hash of a probe set: SHA-256 (lower-case hex) over a canonical serialisation — a format tag,
 * the image size and sample count, then per sample its id, prompt, expected (or a null marker),
 * answer type, labels sorted by key and the image bytes, every string and array length-prefixed.
 * Independent of the set id and of how images are stored on disk. Pure.
 */
public final class ProbeSetHash {
    private static final byte[] TAG = "shiftwatch-probe-set-v1".getBytes(StandardCharsets.UTF_8);

    private ProbeSetHash() {
    }

    public static String of(int imageSize, List<ProbeSample> samples, List<Map<String, String>> labels) {
        MessageDigest digest = sha256();
        bytes(digest, TAG);
        digest.update(ByteBuffer.allocate(8).putInt(imageSize).putInt(samples.size()).array());
        for (int i = 0; i < samples.size(); i++) {
            ProbeSample s = samples.get(i);
            text(digest, s.id());
            text(digest, s.prompt());
            digest.update((byte) (s.expected() == null ? 0 : 1));
            if (s.expected() != null) text(digest, s.expected());
            text(digest, s.answerType());
            Map<String, String> sorted = new TreeMap<>(labels.get(i));
            digest.update(ByteBuffer.allocate(4).putInt(sorted.size()).array());
            sorted.forEach((k, v) -> {
                text(digest, k);
                text(digest, v);
            });
            bytes(digest, s.rgb());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of raw bytes as lower-case hex. */
    static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void text(MessageDigest digest, String s) {
        bytes(digest, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] b) {
        digest.update(ByteBuffer.allocate(4).putInt(b.length).array());
        digest.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
