package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AlertDeadLetter;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.ingest.Topic;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@link AlertDeadLetter}s to {@code shiftwatch.alerts.dlq} with an idempotent producer and
 * waits for the broker's acknowledgement, so a caller only moves on once the letter is stored.
 * Thread-safe; close it to flush.
 */
public final class AlertDeadLetters implements AutoCloseable {
    private final KafkaProducer<String, AlertDeadLetter> producer;
    private final Topic<String, AlertDeadLetter> topic;

    public AlertDeadLetters(String bootstrapServers, Topics topics) {
        this.topic = Alerts.deadLetterTopic(topics);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public String topicName() {
        return topic.name();
    }

    /** Publishes {@code letter} under {@code key}; throws IllegalStateException when the broker did not take it in 30 s. */
    public void publish(String key, AlertDeadLetter letter) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, letter)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not store the dead letter on " + topic.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing the dead letter on " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
