package io.shiftwatch.auditor.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    @Test
    void signsWithHmacSha256InHex() {
        // Given RFC 4231 test case 2 (key "Jefe")
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        // When
        String header = WebhookSignature.sign("Jefe", body);
        // Then
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", header);
    }

    @Test
    void aChangedBodyOrSecretDoesNotMatch() {
        // Given
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("s3cret", body);
        // When / Then
        assertTrue(WebhookSignature.matches("s3cret", body, header));
        assertFalse(WebhookSignature.matches("s3cret", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), header));
        assertFalse(WebhookSignature.matches("other", body, header));
        assertFalse(WebhookSignature.matches("s3cret", body, null));
    }
}
