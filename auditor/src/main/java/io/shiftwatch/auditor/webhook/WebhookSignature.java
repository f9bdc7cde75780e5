package io.shiftwatch.auditor.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code X-Shiftwatch-Signature} header of a webhook: {@code sha256=} followed by the lower-case
 * hex HMAC-SHA256 of the exact request body bytes under the shared secret (UTF-8). Receivers
 * recompute it over the raw body and compare with {@link #matches} (constant time).
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Shiftwatch-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header value for {@code body} under {@code secret} (non-empty). */
    public static String sign(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    /** True when {@code header} is the signature of {@code body} under {@code secret}; false for null. */
    public static boolean matches(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
