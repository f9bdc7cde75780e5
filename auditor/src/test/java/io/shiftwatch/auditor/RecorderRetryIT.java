package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.AlertDeadLetters;
import io.shiftwatch.auditor.internal.AlertRecorder;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.Migrator;
import io.shiftwatch.migrations.ThrowawayDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nothing is skipped while the database refuses writes: the recorder rewinds and records the alert later. */
class RecorderRetryIT {
    @Test
    void anAlertThatTheDatabaseRefusedIsRecordedOnceItWorks() throws Exception {
        // Given a database without the schema yet, and one alert on the topic
        String bootstrap = KafkaIt.bootstrap();
        Topics topics = Topics.withPrefix("it-" + UUID.randomUUID() + ".");
        TopicAdmin.ensureTopics(bootstrap, List.of(topics.alerts(), Alerts.deadLetterTopic(topics).name()), 1, (short) 1,
                Duration.ofSeconds(30));
        Alert alert = AlertFixtures.alert("run-retry", 20, Alert.State.RAISED, 20, Severity.WARNING, 5);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
            producer.send(new ProducerRecord<>(topics.alerts(), alert.runId(), Alerts.CODEC.write(alert))).get();
        }
        try (ThrowawayDatabase db = new ThrowawayDatabase();
             AlertDeadLetters deadLetters = new AlertDeadLetters(bootstrap, topics)) {
            AlertRecorder recorder = new AlertRecorder(bootstrap, "it-retry-" + UUID.randomUUID(), topics.alerts(),
                    Database.dataSource(db.config), deadLetters, a -> { }, Clock.systemUTC(), Duration.ofMillis(200));
            Thread thread = Thread.ofPlatform().start(recorder::run);
            Thread.sleep(3000); // several refused attempts
            // When the schema arrives
            Migrator.migrate(db.config);
            long recorded = awaitFindings(db, 1);
            recorder.stop();
            thread.join(Duration.ofSeconds(20));
            // Then
            assertEquals(1, recorded);
        } finally {
            KafkaIt.deleteTopics(bootstrap, topics.prefix());
        }
    }

    private static long awaitFindings(ThrowawayDatabase db, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        long n = 0;
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM findings f JOIN finding_changes x USING (finding_id)")) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n >= expected) return n;
            Thread.sleep(200);
        }
        return n;
    }
}
