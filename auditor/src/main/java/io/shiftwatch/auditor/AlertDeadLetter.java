package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.time.Instant;
import java.util.Base64;

/**
 * An alert the auditor could not hand on (v1), the value of {@code shiftwatch.alerts.dlq} keyed by
 * run id (or "unreadable"): UNDELIVERABLE — every webhook attempt to {@code url} failed
 * ({@code attempts} made, {@code message} = the last failure); UNREADABLE — a record on the alerts
 * topic that is not an {@link Alert} v1 ({@code message} = why; {@code alertId} and {@code url} null).
 * {@code originalBase64} is the exact payload (the webhook body or the refused record), for replay.
 */
public record AlertDeadLetter(int schemaVersion, Reason reason, String message, String alertId, String url,
                              int attempts, String originalBase64, Instant at) {
    public static final int SCHEMA_VERSION = 1;

    /** Why the alert ended here. */
    public enum Reason { UNDELIVERABLE, UNREADABLE }

    public AlertDeadLetter {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Checks.present(reason, "reason");
        Checks.text(message, "message");
        Checks.atLeast(attempts, 0, "attempts");
        Checks.present(originalBase64, "originalBase64");
        Base64.getDecoder().decode(originalBase64);
        Checks.present(at, "at");
        if (reason == Reason.UNDELIVERABLE) {
            Checks.text(alertId, "alertId");
            Checks.text(url, "url");
        }
    }

    public static AlertDeadLetter undeliverable(Alert alert, byte[] body, String url, int attempts, String lastFailure,
                                                Instant at) {
        return new AlertDeadLetter(SCHEMA_VERSION, Reason.UNDELIVERABLE, lastFailure, alert.alertId(), url, attempts,
                Base64.getEncoder().encodeToString(body), at);
    }

    public static AlertDeadLetter unreadable(byte[] record, String why, Instant at) {
        return new AlertDeadLetter(SCHEMA_VERSION, Reason.UNREADABLE, why, null, null, 0,
                Base64.getEncoder().encodeToString(record == null ? new byte[0] : record), at);
    }
}
