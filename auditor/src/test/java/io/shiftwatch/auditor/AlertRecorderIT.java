package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.AlertDeadLetters;
import io.shiftwatch.auditor.internal.AlertRecorder;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.ThrowawayDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert recorder against the real broker and a throwaway PostgreSQL database: alerts become
 * findings and hash-chained audit rows exactly once (duplicates included), then ack, gate and
 * audit verify run through the CLI, and a tampered audit row is found at its seq.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertRecorderIT {
    private static final String RUN = "run-rec-1";
    private static ThrowawayDatabase db;
    private static Topics topics;
    private static String bootstrap;

    @BeforeAll
    static void recordAlertsDeliveredTwice() throws Exception {
        bootstrap = KafkaIt.bootstrap();
        db = ThrowawayDatabase.migrated();
        topics = Topics.withPrefix("it-" + UUID.randomUUID() + ".");
        TopicAdmin.ensureTopics(bootstrap, List.of(topics.alerts(), Alerts.deadLetterTopic(topics).name()), 2, (short) 1,
                Duration.ofSeconds(30));
        Alert raised = AlertFixtures.alert(RUN, 20, Alert.State.RAISED, 20, Severity.WARNING, 1);
        Alert updated = AlertFixtures.alert(RUN, 30, Alert.State.UPDATED, 20, Severity.CRITICAL, 1);
        Alert other = AlertFixtures.alert(RUN, 30, Alert.State.RAISED, 30, Severity.WARNING, 2);
        Alert resolved = Alert.of(RUN, 40, Alert.State.RESOLVED, 30, 30, other.evidence());
        // Every alert is sent twice (a re-delivery), plus one unreadable record.
        List<Alert> sent = List.of(raised, raised, updated, other, updated, other, resolved, resolved);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
            for (Alert alert : sent) {
                producer.send(new ProducerRecord<>(topics.alerts(), RUN, Alerts.CODEC.write(alert))).get();
            }
            producer.send(new ProducerRecord<>(topics.alerts(), RUN, "{not an alert".getBytes(StandardCharsets.UTF_8))).get();
        }
        DataSource dataSource = Database.dataSource(db.config);
        List<Alert> handedOn = new ArrayList<>();
        try (AlertDeadLetters deadLetters = new AlertDeadLetters(bootstrap, topics)) {
            AlertRecorder recorder = new AlertRecorder(bootstrap, "it-rec-" + UUID.randomUUID(), topics.alerts(), dataSource,
                    deadLetters, handedOn::add, Clock.systemUTC(), Duration.ofMillis(200));
            Thread thread = Thread.ofPlatform().start(recorder::run);
            awaitCount("SELECT count(*) FROM finding_changes", 4, Duration.ofSeconds(45));
            Thread.sleep(1000); // the duplicates behind the last change have time to be (not) written
            recorder.stop();
            thread.join(Duration.ofSeconds(20));
        }
        assertEquals(4, handedOn.size(), handedOn.toString());
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        KafkaIt.deleteTopics(bootstrap, topics.prefix());
        db.close();
    }

    @Test
    @Order(1)
    void everyChangeIsRecordedOnceInFindingsAndTheAuditLog() throws Exception {
        // Given the alerts recorded in @BeforeAll
        // When
        long auditRows = count("SELECT count(*) FROM audit_log WHERE actor = 'auditor' AND run_id = '" + RUN + "'");
        String states = text("SELECT string_agg(state || ':' || severity, ',' ORDER BY concept) FROM findings");
        String actions = text("SELECT string_agg(action, ',' ORDER BY seq) FROM audit_log WHERE actor = 'auditor'");
        // Then
        assertEquals(4, auditRows);
        assertEquals("UPDATED:CRITICAL,RESOLVED:WARNING", states);
        assertEquals("RAISED,UPDATED,RAISED,RESOLVED", actions);
    }

    @Test
    @Order(2)
    void verifyAckGateAndTamperThroughTheCli() throws Exception {
        // Given
        String finding = text("SELECT finding_id FROM findings WHERE concept = 1");
        // When / Then: the chain verifies; the gate fails on the open critical finding
        assertEquals(0, cli("audit", "verify", "--run", RUN).code, "verify");
        Result gate = cli("gate", "--run", RUN);
        assertEquals(1, gate.code, gate.out);
        assertTrue(gate.out.contains("CRITICAL") && gate.out.contains(finding), gate.out);
        assertEquals(2, cli("gate", "--run", "no-such-run").code);
        // When acknowledged, the gate passes and the chain still verifies
        assertEquals(0, cli("audit", "ack", "--finding", finding, "--who", "ann", "--why", "planted in the testbed").code);
        assertEquals(2, cli("audit", "ack", "--finding", "0".repeat(64), "--who", "ann", "--why", "x").code);
        assertEquals(0, cli("gate", "--run", RUN).code);
        assertEquals(0, cli("audit", "verify").code);
        // When a row is edited behind the trigger's back
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
            s.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
            s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
        }
        Result verify = cli("audit", "verify", "--run", RUN);
        // Then
        assertEquals(1, verify.code, verify.out);
        assertTrue(verify.out.contains("BROKEN at seq 2"), verify.out);
    }

    private record Result(int code, String out) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatabaseConfig c = db.config;
        int code = AuditorCli.run(List.of(args), Map.of(DatabaseConfig.ENV_URL, c.url(), DatabaseConfig.ENV_USER, c.user(),
                DatabaseConfig.ENV_PASSWORD, c.password()), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitCount(String sql, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (count(sql) < expected && Instant.now().isBefore(deadline)) Thread.sleep(200);
        assertEquals(expected, count(sql), sql);
    }
}
