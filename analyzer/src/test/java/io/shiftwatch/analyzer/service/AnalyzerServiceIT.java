package io.shiftwatch.analyzer.service;

import io.shiftwatch.analyzer.AnalyzerServiceMain;
import io.shiftwatch.analyzer.AnalyzerSettings;
import io.shiftwatch.analyzer.comparison.TinyRun;
import io.shiftwatch.ingest.AnalysisSummary;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.DeadLetter;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.ingest.RejectReason;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.ThrowawayDatabase;
import io.shiftwatch.models.probe.ProbeSetFiles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
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
 * The analyzer service against the real broker and the real database: a tiny real fine-tuning run's
 * checkpoint is analysed once even when its event arrives twice, a malformed record and an event whose
 * checkpoint folder does not exist go to the dead-letter topic with their reasons, and the service
 * keeps going.
 */
class AnalyzerServiceIT {
    @TempDir
    static Path tmp;
    static ThrowawayDatabase db;
    static String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    static String bootstrap;

    @BeforeAll
    static void setUp() throws Exception {
        bootstrap = System.getenv("SHIFTWATCH_BOOTSTRAP_SERVERS");
        if (bootstrap == null)
            throw new IllegalStateException("SHIFTWATCH_BOOTSTRAP_SERVERS is not set — start it with ./shiftwatch infra up or run ./shiftwatch test");
        db = ThrowawayDatabase.migrated();
        TinyRun.trainBase(tmp.resolve("runs/base"), 250);
        TinyRun.finetune(tmp.resolve("runs/base"), tmp.resolve("runs/r1/step-60"), 60);
        ProbeSetFiles.write(tmp.resolve("probes/tiny-probes"), TinyRun.probeSet());
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(Topics.withPrefix(prefix).allNames()).all().get();
        }
        db.close();
    }

    @Test
    void aCheckpointIsAnalysedOnceAndBadEventsAreDeadLettered() throws Exception {
        // Given a running service and four records: the checkpoint, the same again, garbage, and a missing folder
        Config config = config();
        var topics = IngestSettings.topics(config);
        var service = AnalyzerServiceMain.create(config, db.config, Clock.systemUTC());
        Thread runner = new Thread(service::run, "analyzer-it");
        runner.start();
        CheckpointEvent good = event(60, tmp.resolve("runs/r1/step-60"));
        CheckpointEvent missing = event(120, tmp.resolve("runs/r1/step-120"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : List.of(Codecs.CHECKPOINT_EVENT.write(good), Codecs.CHECKPOINT_EVENT.write(good),
                    "{not json".getBytes(StandardCharsets.UTF_8), Codecs.CHECKPOINT_EVENT.write(missing)))
                producer.send(new ProducerRecord<>(topics.checkpoints().name(), "r1", value)).get();
        }

        // When
        List<ConsumerRecord<String, byte[]>> dlq = consume(topics.checkpointsDlq().name(), 2);
        List<ConsumerRecord<String, byte[]>> summaries = consume(topics.analyses().name(), 1);
        List<ConsumerRecord<String, byte[]>> drift = consume(topics.conceptDrift().name(), 1);
        service.stop();
        runner.join(30_000);
        service.close();

        // Then
        List<RejectReason> reasons = new ArrayList<>();
        for (var r : dlq) reasons.add(Codecs.DEAD_LETTER.read(r.value()) instanceof io.shiftwatch.ingest.ReadResult.Valid<DeadLetter> v
                ? v.value().reason() : null);
        assertEquals(List.of(RejectReason.MALFORMED_JSON, RejectReason.CHECKPOINT_UNREADABLE), reasons);
        AnalysisSummary summary = ((io.shiftwatch.ingest.ReadResult.Valid<AnalysisSummary>) Codecs.ANALYSIS_SUMMARY.read(summaries.getFirst().value())).value();
        assertEquals(AnalysisSummary.Status.ANALYSED, summary.status());
        assertEquals(60, summary.step());
        assertTrue(summary.stageMillis().keySet().containsAll(List.of("load", "extract_base", "extract_checkpoint",
                "concepts_and_drift", "write")), summary.stageMillis().toString());
        ConceptDriftEvent first = ((io.shiftwatch.ingest.ReadResult.Valid<ConceptDriftEvent>) Codecs.CONCEPT_DRIFT_EVENT.read(drift.getFirst().value())).value();
        assertEquals(good.eventId(), first.checkpointEventId());
        assertEquals(1, count("SELECT count(*) FROM analyses"), "one analysis despite the duplicate event");
        assertEquals("ANALYSED", text("SELECT status FROM checkpoints WHERE step = 60"));
        assertEquals("done 1", text("SELECT p.stage || ' ' || p.fraction FROM analysis_progress p JOIN checkpoints c"
                + " ON c.event_id = p.checkpoint_id WHERE c.step = 60"), "the stored progress of the analysed checkpoint");
        assertTrue(text("SELECT failure_reason FROM checkpoints WHERE step = 120").startsWith("CHECKPOINT_UNREADABLE"));
        assertEquals(count("SELECT count(*) FROM concept_shifts"), count("SELECT count(*) FROM concept_matches"));
        assertTrue(count("SELECT count(*) FROM concepts WHERE dim = 32") > 0);
        var probes = TinyRun.probeSet();
        assertEquals(probes.size(), count("SELECT count(*) FROM probe_samples s JOIN probe_sets p ON p.probe_set_id ="
                + " s.probe_set_id JOIN analyses a ON a.probe_set_hash = p.content_hash"), "every probe sample stored under the analysis' probe hash");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(bytes("SELECT thumbnail_png FROM probe_samples WHERE ordinal = 0")));
        byte[] rgb = probes.samples().getFirst().rgb();
        assertEquals(probes.imageSize(), thumbnail.getWidth());
        assertEquals((rgb[0] & 0xff) << 16 | (rgb[1] & 0xff) << 8 | (rgb[2] & 0xff), thumbnail.getRGB(0, 0) & 0xffffff);
    }

    private static Config config() {
        List<String> args = List.of("--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
                "--checkpoint-roots", tmp.resolve("runs").toString(), "--analyzer-group-id", prefix + "analyzer",
                "--analyzer-cache-dir", tmp.resolve("cache").toString(), "--analyzer-probe-sets-dir", tmp.resolve("probes").toString(),
                "--analyzer-targets", "red,shape", "--analyzer-layers", "-1", "--analyzer-k", "8", "--analyzer-restarts", "3",
                "--analyzer-null-repeats", "3", "--analyzer-max-new-tokens", "12", "--topic-partitions", "1");
        return ((ConfigParse.Parsed) AnalyzerSettings.SCHEMA.parse(Map.of(), Map.of(), args)).config();
    }

    private static CheckpointEvent event(long step, Path checkpoint) {
        return CheckpointEvent.of("r1", step, Instant.parse("2026-11-23T00:00:00Z"),
                new CheckpointEvent.BaseModel("tiny-base", tmp.resolve("runs/base").toString(), ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(checkpoint.toString(), ModelFormat.TESTBED, null),
                new CheckpointEvent.ProbeSet("tiny-probes", null), null, null, null);
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline)
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        assertTrue(out.size() >= atLeast, "expected " + atLeast + " records on " + topic + ", got " + out.size());
        return out;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] bytes(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
