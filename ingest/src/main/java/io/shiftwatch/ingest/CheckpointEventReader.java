package io.shiftwatch.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/**
 * The analyzer's gate: turns a raw record of the checkpoints topic into Valid or Invalid with the
 * validator's checks plus one of its own — the record key must equal the event's runId (every
 * topic is keyed by run id). Pair it with {@link DeadLetterPublisher#forward}. Never throws.
 */
public final class CheckpointEventReader {
    private final CheckpointEventValidator validator;

    public CheckpointEventReader(CheckpointEventValidator validator) {
        this.validator = validator;
    }

    public ReadResult<CheckpointEvent> read(ConsumerRecord<byte[], byte[]> record) {
        ReadResult<CheckpointEvent> result = validator.read(record.value());
        if (result instanceof ReadResult.Valid<CheckpointEvent>(CheckpointEvent event) && record.key() != null) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (!key.equals(event.runId())) {
                return new ReadResult.Invalid<>(RejectReason.INVALID_FIELD, "runId", "runId \"" + event.runId()
                        + "\" differs from the record key \"" + key + "\"; every topic is keyed by runId");
            }
        }
        return result;
    }
}
