package io.shiftwatch.models.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 digests as lower-case hex. Pure functions. */
final class Sha256 {
    private Sha256() {
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * Content hash of a checkpoint: SHA-256 over "name sha256\n" of every file, sorted by name. Depends
     * only on the files' contents, not on created-at or training metadata.
     */
    static String ofFileHashes(Map<String, String> fileHashes) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fileHashes).forEach((name, hash) -> text.append(name).append(' ').append(hash).append('\n'));
        return of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
