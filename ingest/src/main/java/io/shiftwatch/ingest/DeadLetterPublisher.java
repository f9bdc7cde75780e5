package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.Producers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends refused payloads to {@code shiftwatch.checkpoints.dlq} as {@link DeadLetter}s, keyed by
 * the original record's key (or the source's name when there is none), with the original bytes
 * and, for Kafka records, their topic/partition/offset. Thread-safe; close it to flush.
 */
public final class DeadLetterPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, DeadLetter> topic;
    private final Clock clock;

    private DeadLetterPublisher(KafkaProducer<String, byte[]> producer, Topics topics, Clock clock) {
        this.producer = producer;
        this.topic = topics.checkpointsDlq();
        this.clock = clock;
    }

    public static DeadLetterPublisher create(String bootstrapServers, Topics topics, Clock clock) {
        return new DeadLetterPublisher(Producers.idempotent(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), topics, clock);
    }

    /** Forwards a consumed record that a reader refused. */
    public CompletableFuture<RecordMetadata> forward(ConsumerRecord<byte[], byte[]> record, ReadResult.Invalid<?> invalid) {
        byte[] original = record.value() == null ? new byte[0] : record.value();
        DeadLetter letter = DeadLetter.ofRecord(original, invalid, record.topic(), record.partition(), record.offset(),
                clock.instant());
        String key = record.key() == null ? DeadLetter.Source.KAFKA.name().toLowerCase()
                : new String(record.key(), StandardCharsets.UTF_8);
        return publish(key, letter);
    }

    /** Sends a payload refused outside Kafka (HTTP body, watcher, CLI). */
    public CompletableFuture<RecordMetadata> reject(byte[] original, ReadResult.Invalid<?> invalid, DeadLetter.Source source) {
        return publish(source.name().toLowerCase(), DeadLetter.of(original, invalid, source, clock.instant()));
    }

    public CompletableFuture<RecordMetadata> publish(String key, DeadLetter letter) {
        return Producers.send(producer, new ProducerRecord<>(topic.name(), key, Codecs.DEAD_LETTER.write(letter)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
