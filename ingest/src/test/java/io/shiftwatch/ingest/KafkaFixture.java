package io.shiftwatch.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The shared dev Kafka broker for ITs, with a unique topic prefix per test. */
final class KafkaFixture implements AutoCloseable {
    static final String BOOTSTRAP_VARIABLE = "SHIFTWATCH_BOOTSTRAP_SERVERS";

    final String bootstrap;
    final Topics topics;

    KafkaFixture() {
        String value = System.getenv(BOOTSTRAP_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(BOOTSTRAP_VARIABLE + " is not set: integration tests need a real Kafka"
                    + " broker; start it with ./shiftwatch infra up or run ./shiftwatch test");
        }
        this.bootstrap = value;
        this.topics = Topics.withPrefix("it-" + UUID.randomUUID() + ".");
        TopicAdmin.ensureTopics(bootstrap, topics.allNames(), 3, (short) 1, Duration.ofSeconds(30));
    }

    /** Deletes this fixture's topics so the shared broker does not fill up with test topics. */
    @Override
    public void close() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(topics.allNames()).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends raw bytes, as a misbehaving producer would. */
    RecordMetadata sendRaw(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    /** Reads from the start of {@code topic} until {@code expected} records arrived, then {@code quiet} longer. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected, Duration quiet) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (quietUntil == null && records.size() >= expected) {
                    quietUntil = Instant.now().plus(quiet);
                }
            }
        }
        return records;
    }
}
