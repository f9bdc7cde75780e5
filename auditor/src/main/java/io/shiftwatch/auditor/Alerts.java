package io.shiftwatch.auditor;

import io.shiftwatch.ingest.EventCodec;
import io.shiftwatch.ingest.Topic;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The alerts topic and its value format: {@link Alert} v1 as strict JSON through ingest's
 * {@link EventCodec} (unknown fields and versions rejected), keyed by run id; and its dead-letter
 * topic ({@link AlertDeadLetter} v1). The DLQ name lives here, not in ingest's Topics, because its
 * value type is the auditor's.
 */
public final class Alerts {
    public static final EventCodec<Alert> CODEC = EventCodec.of(Alert.class, Alert.SCHEMA_VERSION);
    public static final EventCodec<AlertDeadLetter> DEAD_LETTER_CODEC =
            EventCodec.of(AlertDeadLetter.class, AlertDeadLetter.SCHEMA_VERSION);
    /** Alerts that could not be handed on (undeliverable webhooks, unreadable records). */
    public static final String DEAD_LETTERS = "shiftwatch.alerts.dlq";

    private Alerts() {
    }

    /** {@code shiftwatch.alerts} (with the prefix of {@code topics}) with its serdes. */
    public static Topic<String, Alert> topic(Topics topics) {
        return new Topic<>(topics.alerts(), Serdes.String(), CODEC.serde());
    }

    /** {@code shiftwatch.alerts.dlq} (with the prefix of {@code topics}) with its serdes. */
    public static Topic<String, AlertDeadLetter> deadLetterTopic(Topics topics) {
        return new Topic<>(topics.prefix() + DEAD_LETTERS, Serdes.String(), DEAD_LETTER_CODEC.serde());
    }
}
