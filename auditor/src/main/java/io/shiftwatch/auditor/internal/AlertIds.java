package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.FindingType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic identities of alerts: SHA-256 over length-prefixed identity fields. */
public final class AlertIds {
    private AlertIds() {
    }

    /** SHA-256 hex of ("alert/v1", runId, type, target, layer, concept). */
    public static String alertId(String runId, FindingType type, String target, int layer, int concept) {
        return sha256Hex("alert/v1", runId, type.name(), target, Integer.toString(layer), Integer.toString(concept));
    }

    static String sha256Hex(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length prefixes keep ("ab","c") and ("a","bc") apart.
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
