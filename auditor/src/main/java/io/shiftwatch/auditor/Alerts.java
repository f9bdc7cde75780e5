package io.shiftwatch.auditor;

import io.shiftwatch.ingest.EventCodec;
import io.shiftwatch.ingest.Topic;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The alerts topic and its value format: {@link Alert} v1 as strict JSON through ingest's
 * {@link EventCodec} (unknown fields and versions rejected), keyed by run id.
 */
public final class Alerts {
    public static final EventCodec<Alert> CODEC = EventCodec.of(Alert.class, Alert.SCHEMA_VERSION);

    private Alerts() {
    }

    /** {@code shiftwatch.alerts} (with the prefix of {@code topics}) with its serdes. */
    public static Topic<String, Alert> topic(Topics topics) {
        return new Topic<>(topics.alerts(), Serdes.String(), CODEC.serde());
    }
}
