package io.shiftwatch.auditor;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auditor against the real dev broker: exactly-once Streams, RocksDB stores, real topics. */
class AuditorStreamsIT {
    private static final String BOOTSTRAP_VARIABLE = "SHIFTWATCH_BOOTSTRAP_SERVERS";

    @TempDir
    Path stateDir;

    private static String bootstrap() {
        String value = System.getenv(BOOTSTRAP_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(BOOTSTRAP_VARIABLE + " is not set: integration tests need a real Kafka"
                    + " broker; start it with ./shiftwatch infra up or run ./shiftwatch test");
        }
        return value;
    }

    @Test
    void aConceptThatVanishesRaisesExactlyOneAlert() throws Exception {
        // Given the auditor running with its own topics and application id
        String bootstrap = bootstrap();
        String unique = UUID.randomUUID().toString();
        String prefix = "it-" + unique + ".";
        String appId = "sw-auditor-it-" + unique;
        Config config = ((ConfigParse.Parsed) AuditorSettings.SCHEMA.parse(Map.of(), Map.of(), List.of(
                "--bootstrap-servers", bootstrap, "--topic-prefix", prefix, "--auditor-application-id", appId,
                "--auditor-state-dir", stateDir.toString()))).config();
        Topics topics = Topics.withPrefix(prefix);
        TopicAdmin.ensureTopics(bootstrap, topics.allNames(), 3, (short) 1, Duration.ofSeconds(30));
        KafkaStreams streams = new KafkaStreams(AuditorTopology.build(AuditorSettings.auditorConfig(config), topics),
                AuditorSettings.streamsProperties(config));
        try {
            streams.start();
            awaitRunning(streams);
            // When a 3-checkpoint run: concept 0 stays healthy, concept 1 vanishes at step 20 and stays vanished
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    topics.conceptDrift().keySerde().serializer(), topics.conceptDrift().valueSerde().serializer())) {
                for (long step : List.of(10L, 20L, 30L)) {
                    List<ConceptDriftEvent> events = List.of(DriftEvents.at(step).concept(0).build(), step == 10
                            ? DriftEvents.at(step).concept(1).build()
                            : DriftEvents.at(step).concept(1).cosine(0.1).tOverlap(0.0).quantiles(0.0, 0.0).build());
                    for (ConceptDriftEvent event : events) {
                        producer.send(new ProducerRecord<>(topics.conceptDrift().name(), event.runId(), event)).get();
                    }
                }
            }
            List<Alert> alerts = readAlerts(bootstrap, Alerts.topic(topics).name(), Duration.ofSeconds(4));
            // Then
            assertEquals(1, alerts.size(), alerts.toString());
            Alert alert = alerts.getFirst();
            assertEquals(FindingType.VANISHING, alert.findingType());
            assertEquals(Alert.State.RAISED, alert.state());
            assertEquals(1, alert.concept());
            assertEquals(20, alert.firstSeenStep());
            assertEquals(Severity.CRITICAL, alert.severity());
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            deleteTopics(bootstrap, prefix, appId);
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (streams.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            assertTrue(streams.state() != KafkaStreams.State.ERROR, "the auditor failed to start");
            Thread.sleep(100);
        }
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    /** Reads committed alerts until one arrived and {@code quiet} passed without more (60 s at most). */
    private static List<Alert> readAlerts(String bootstrap, String topic, Duration quiet) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Alert> alerts = new ArrayList<>();
        var serde = Alerts.CODEC.serde();
        try (var consumer = new KafkaConsumer<>(props, org.apache.kafka.common.serialization.Serdes.String().deserializer(),
                serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                if (quietUntil == null && !alerts.isEmpty()) {
                    quietUntil = Instant.now().plus(quiet);
                }
            }
        }
        return alerts;
    }

    private static void deleteTopics(String bootstrap, String prefix, String appId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> mine = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(prefix) || n.startsWith(appId)).toList();
            admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
        }
    }
}
