package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.Invariants;

import java.time.Instant;
import java.util.Base64;

/**
 * A payload that was refused (v1), kept verbatim for inspection and replay: {@code originalBase64}
 * is the exact bytes received (base64, may encode an empty payload), {@code reason}/{@code field}/
 * {@code message} come from the {@link ReadResult.Invalid} ({@code field} may be null), and
 * {@code topic}/{@code partition}/{@code offset} locate the original record when {@code source}
 * is KAFKA (all null otherwise).
 */
public record DeadLetter(int schemaVersion, String originalBase64, RejectReason reason, String field, String message,
                         Source source, String topic, Integer partition, Long offset, Instant at) {
    public static final int SCHEMA_VERSION = 1;

    /** Where the refused payload came in. */
    public enum Source { KAFKA, HTTP, WATCHER, ANALYZER }

    public DeadLetter {
        if (schemaVersion != SCHEMA_VERSION) {
            throw FieldViolation.invalid("schemaVersion", "must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Invariants.present(originalBase64, "originalBase64");
        try {
            Base64.getDecoder().decode(originalBase64);
        } catch (IllegalArgumentException e) {
            throw FieldViolation.invalid("originalBase64", "is not base64: " + e.getMessage());
        }
        Invariants.present(reason, "reason");
        Invariants.text(message, "message");
        Invariants.present(source, "source");
        Invariants.present(at, "at");
        if (source == Source.KAFKA) {
            Invariants.text(topic, "topic");
            Invariants.atLeast(Invariants.present(partition, "partition"), 0, "partition");
            Invariants.atLeast(Invariants.present(offset, "offset"), 0, "offset");
        }
    }

    /** A dead letter for a payload that did not come from a Kafka record. */
    public static DeadLetter of(byte[] original, ReadResult.Invalid<?> invalid, Source source, Instant at) {
        return new DeadLetter(SCHEMA_VERSION, Base64.getEncoder().encodeToString(original), invalid.reason(),
                invalid.field(), invalid.message(), source, null, null, null, at);
    }

    /** A dead letter for a Kafka record at topic/partition/offset. */
    public static DeadLetter ofRecord(byte[] original, ReadResult.Invalid<?> invalid, String topic, int partition,
                                      long offset, Instant at) {
        return new DeadLetter(SCHEMA_VERSION, Base64.getEncoder().encodeToString(original), invalid.reason(),
                invalid.field(), invalid.message(), Source.KAFKA, topic, partition, offset, at);
    }

    /** The original payload bytes. */
    public byte[] originalBytes() {
        return Base64.getDecoder().decode(originalBase64);
    }
}
