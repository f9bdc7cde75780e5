package io.shiftwatch.ingest;

import org.apache.kafka.common.serialization.Serde;

import java.util.Objects;

/** A Kafka topic with the serdes of its keys and values; every topic is keyed by run id. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }
}
