package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.Producers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The library trainers call: validates a {@link CheckpointEvent} (same checks a consumer applies)
 * and sends it to the checkpoints topic keyed by run id through an idempotent producer
 * (enable.idempotence, acks=all). Thread-safe; close it to flush.
 * <pre>{@code
 * try (var publisher = CheckpointPublisher.create("localhost:19092", Topics.standard(), validator)) {
 *     publisher.publish(CheckpointEvent.of(...)).join();
 * }}</pre>
 */
public final class CheckpointPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, CheckpointEvent> topic;
    private final CheckpointEventValidator validator;

    private CheckpointPublisher(KafkaProducer<String, byte[]> producer, Topics topics, CheckpointEventValidator validator) {
        this.producer = producer;
        this.topic = topics.checkpoints();
        this.validator = validator;
    }

    public static CheckpointPublisher create(String bootstrapServers, Topics topics, CheckpointEventValidator validator) {
        return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics, validator);
    }

    /** With extra producer properties (security, client id); idempotence and acks=all always win. */
    public static CheckpointPublisher create(Map<String, Object> producerProperties, Topics topics,
                                             CheckpointEventValidator validator) {
        return new CheckpointPublisher(Producers.idempotent(producerProperties), topics, validator);
    }

    /**
     * Sends the event; the future completes when Kafka acknowledged it (all in-sync replicas).
     *
     * @throws InvalidEventException when the event fails validation; nothing is sent then
     */
    public CompletableFuture<RecordMetadata> publish(CheckpointEvent event) {
        return switch (validator.validate(event)) {
            case ReadResult.Valid<CheckpointEvent> valid -> Producers.send(producer,
                    new ProducerRecord<>(topic.name(), event.runId(), validator.codec().write(valid.value())));
            case ReadResult.Invalid<CheckpointEvent> invalid -> throw new InvalidEventException(invalid);
        };
    }

    public String topicName() {
        return topic.name();
    }

    @Override
    public void close() {
        producer.close();
    }
}
