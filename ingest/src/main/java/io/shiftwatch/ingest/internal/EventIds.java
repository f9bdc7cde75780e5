package io.shiftwatch.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: lowercase hex SHA-256 of the UTF-8 parts joined by U+001F (unit
 * separator), the first part being the event kind and version (e.g. {@code "checkpoint/v1"}).
 * Python: {@code hashlib.sha256("\x1f".join(parts).encode()).hexdigest()}.
 */
public final class EventIds {
    private static final String SEPARATOR = "\u001f";

    private EventIds() {
    }

    public static String sha256Hex(String... parts) {
        return HexFormat.of().formatHex(digest().digest(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256; this JVM does not", e);
        }
    }
}
