package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.EventCodec;
import io.shiftwatch.ingest.ReadResult;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde over an {@link EventCodec}. Consumers that must not stop on a bad record read raw
 * bytes and use the codec (or {@code CheckpointEventReader}) instead of this deserializer.
 */
public final class JsonSerde<T extends Record> implements Serde<T> {
    private final EventCodec<T> codec;

    public JsonSerde(EventCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return switch (codec.read(bytes)) {
                case ReadResult.Valid<T> valid -> valid.value();
                case ReadResult.Invalid<T> invalid -> throw new SerializationException("record on " + topic
                        + " refused (" + invalid.reason() + "): " + invalid.message());
            };
        };
    }
}
