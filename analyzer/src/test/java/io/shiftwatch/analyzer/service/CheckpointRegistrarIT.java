package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointEventReader;
import io.shiftwatch.ingest.CheckpointEventValidator;
import io.shiftwatch.ingest.CheckpointRoots;
import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ThrowawayDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registrar against the real broker and database: checkpoint events are recorded as RECEIVED as soon as
 * they are published — no analyzer is running here — and a record it cannot read does not stop it.
 */
class CheckpointRegistrarIT {
    static ThrowawayDatabase db;
    static String bootstrap;
    static final String TOPIC = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".checkpoints";

    @BeforeAll
    static void setUp() throws Exception {
        bootstrap = System.getenv("SHIFTWATCH_BOOTSTRAP_SERVERS");
        if (bootstrap == null)
            throw new IllegalStateException("SHIFTWATCH_BOOTSTRAP_SERVERS is not set — start it with ./shiftwatch infra up or run ./shiftwatch test");
        db = ThrowawayDatabase.migrated();
        TopicAdmin.ensureTopics(bootstrap, List.of(TOPIC), 1, (short) 1, Duration.ofSeconds(30));
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
        }
        db.close();
    }

    @Test
    void queuedCheckpointsAreRecordedAsReceivedBeforeAnyAnalysis() throws Exception {
        // Given a registrar and three records: two checkpoints of one run with garbage between them
        var reader = new CheckpointEventReader(new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT,
                new CheckpointRoots(List.of(Path.of("/data")), List.of()), p -> p));
        var ledger = new CheckpointLedger(Database.dataSource(db.config));
        List<String> statuses;
        try (var registrar = new CheckpointRegistrar(bootstrap, "it-registrar-" + UUID.randomUUID(), TOPIC, reader, ledger).start();
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     new StringSerializer(), new ByteArraySerializer())) {

            // When
            producer.send(new ProducerRecord<>(TOPIC, "q1", Codecs.CHECKPOINT_EVENT.write(event(100)))).get();
            producer.send(new ProducerRecord<>(TOPIC, "q1", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(TOPIC, "q1", Codecs.CHECKPOINT_EVENT.write(event(200)))).get();
            statuses = awaitRows(2, Duration.ofSeconds(60));
        }

        // Then
        assertEquals(List.of("100 RECEIVED", "200 RECEIVED"), statuses);
    }

    private static CheckpointEvent event(long step) {
        return CheckpointEvent.of("q1", step, Instant.parse("2026-12-01T00:00:00Z"),
                new CheckpointEvent.BaseModel("base", "/data/base", ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef("/data/q1/step-" + step, ModelFormat.TESTBED, null),
                new CheckpointEvent.ProbeSet("probes", null), null, null, null);
    }

    private static List<String> awaitRows(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> rows = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            rows.clear();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT step || ' ' || status FROM checkpoints ORDER BY step")) {
                while (rs.next()) rows.add(rs.getString(1));
            }
            if (rows.size() >= count) return rows;
            Thread.sleep(200);
        }
        return rows;
    }
}
