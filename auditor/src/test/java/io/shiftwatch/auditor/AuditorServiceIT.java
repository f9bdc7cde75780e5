package io.shiftwatch.auditor;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.Migrator;
import io.shiftwatch.migrations.ThrowawayDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole auditor process: drift events in, a finding and its audit row in PostgreSQL out. */
class AuditorServiceIT {
    @TempDir
    Path stateDir;

    @Test
    void aVanishingConceptBecomesOneFindingWithOneAuditRow() throws Exception {
        // Given the service on its own topics, application id and database
        String bootstrap = KafkaIt.bootstrap();
        String unique = UUID.randomUUID().toString();
        String prefix = "it-" + unique + ".";
        Config config = ((ConfigParse.Parsed) AuditorSettings.SCHEMA.parse(Map.of(), Map.of(), List.of(
                "--bootstrap-servers", bootstrap, "--topic-prefix", prefix, "--auditor-application-id", "sw-svc-it-" + unique,
                "--auditor-recorder-group-id", "sw-rec-it-" + unique, "--auditor-state-dir", stateDir.toString(),
                "--topic-partitions", "1"))).config();
        Topics topics = Topics.withPrefix(prefix);
        try (ThrowawayDatabase db = new ThrowawayDatabase()) {
            Migrator.migrate(db.config);
            try (AuditorService service = AuditorService.create(config, db.config, Clock.systemUTC())) {
                service.start();
                awaitRunning(service.streams());
                // When concept 1 vanishes at step 20 and stays vanished
                try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        topics.conceptDrift().keySerde().serializer(), topics.conceptDrift().valueSerde().serializer())) {
                    for (long step : List.of(10L, 20L, 30L)) {
                        ConceptDriftEvent event = step == 10 ? DriftEvents.at(step).concept(1).build()
                                : DriftEvents.at(step).concept(1).cosine(0.1).tOverlap(0.0).quantiles(0.0, 0.0).build();
                        producer.send(new ProducerRecord<>(topics.conceptDrift().name(), event.runId(), event)).get();
                    }
                }
                String row = awaitRow(db, "SELECT f.type || ':' || f.state || ':' || f.first_seen_step || ':' ||"
                        + " (SELECT count(*) FROM audit_log a WHERE a.subject = 'finding/' || f.finding_id) FROM findings f");
                // Then
                assertEquals("VANISHING:RAISED:20:1", row);
            } finally {
                KafkaIt.deleteTopics(bootstrap, prefix);
                KafkaIt.deleteTopics(bootstrap, "sw-svc-it-" + unique);
            }
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (streams.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) Thread.sleep(100);
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    private static String awaitRow(ThrowawayDatabase db, String sql) throws Exception {
        Instant deadline = Instant.now().plusSeconds(45);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    Thread.sleep(1000); // a duplicate would show up by now
                    try (ResultSet again = s.executeQuery(sql)) {
                        List<String> rows = new java.util.ArrayList<>();
                        while (again.next()) rows.add(again.getString(1));
                        assertEquals(1, rows.size(), rows.toString());
                        return rows.getFirst();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no finding recorded within 45 s: " + sql);
    }
}
