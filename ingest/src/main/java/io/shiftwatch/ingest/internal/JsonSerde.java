package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.ReadResult;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.function.Function;

/**
 * Kafka serde over an event codec's write and read functions ({@code EventCodec#serde}). Consumers that
 * must not stop on a bad record read raw bytes and use the codec (or {@code CheckpointEventReader}) instead
 * of this deserializer.
 */
public final class JsonSerde<T extends Record> implements Serde<T> {
    private final Function<T, byte[]> write;
    private final Function<byte[], ReadResult<T>> read;

    public JsonSerde(Function<T, byte[]> write, Function<byte[], ReadResult<T>> read) {
        this.write = write;
        this.read = read;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write.apply(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return switch (read.apply(bytes)) {
                case ReadResult.Valid<T> valid -> valid.value();
                case ReadResult.Invalid<T> invalid -> throw new SerializationException("record on " + topic
                        + " refused (" + invalid.reason() + "): " + invalid.message());
            };
        };
    }
}
