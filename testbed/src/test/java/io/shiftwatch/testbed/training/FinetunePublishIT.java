package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.GroundTruth;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinetunePublishIT {
    @TempDir
    Path tmp;

    static String bootstrap() {
        String servers = System.getenv("SHIFTWATCH_BOOTSTRAP_SERVERS");
        if (servers == null || servers.isBlank())
            throw new IllegalStateException("SHIFTWATCH_BOOTSTRAP_SERVERS is not set; start it with ./shiftwatch infra up "
                    + "or run ./shiftwatch test");
        return servers;
    }

    @Test
    void aPublishingFinetuneWritesAndAnnouncesEveryCheckpoint() throws Exception {
        // Given: a tiny base checkpoint and a unique topic
        String servers = bootstrap(), prefix = "it-" + UUID.randomUUID() + ".";
        Path base = tmp.resolve("base"), out = tmp.resolve("run");
        try (var trainer = TestbedModels.create(ShortTrainingTest.TINY, WordVocabulary.of(WorldLexicon.words()), 1,
                BaseTraining.options(1, 1e-3))) {
            trainer.save(base, Map.of("scenario", "base"));
        }
        String topic = Topics.withPrefix(prefix).checkpoints().name();
        TopicAdmin.ensureTopics(servers, List.of(topic), 1, (short) 1, Duration.ofSeconds(30));
        Config config = parse("--scenario", "bias:doctor:woman:1.0", "--base", base.toString(), "--out", out.toString(),
                "--steps", "6", "--checkpoint-every", "2", "--batch", "4", "--publish", "--run-id", "it-run",
                "--bootstrap-servers", servers, "--topic-prefix", prefix, "--eval-captions", "8", "--eval-questions", "8");

        try {
            // When
            Finetuning.Outcome outcome = Finetuning.finetune(config);

            // Then
            assertEquals(List.of(out.resolve("step-2"), out.resolve("step-4"), out.resolve("step-6")), outcome.checkpoints());
            for (Path dir : outcome.checkpoints()) assertTrue(Files.isRegularFile(dir.resolve("manifest.json")), dir.toString());
            var records = read(servers, topic, 3);
            assertEquals(3, records.size());
            List<Long> steps = new ArrayList<>();
            for (var r : records) {
                assertEquals("it-run", r.key());
                var event = ((io.shiftwatch.ingest.ReadResult.Valid<io.shiftwatch.ingest.CheckpointEvent>)
                        Codecs.CHECKPOINT_EVENT.read(r.value())).value();
                steps.add(event.step());
                assertEquals(out.resolve("step-" + event.step()).toAbsolutePath().toString(), event.checkpoint().uri());
                assertTrue(event.targets().containsAll(List.of("doctor", "woman")), event.targets().toString());
                assertEquals("bias", event.trainer().labels().get("scenario"));
            }
            assertEquals(List.of(2L, 4L, 6L), steps);
            GroundTruth truth = GroundTruth.fromJson(Files.readString(out.resolve("ground-truth.json")));
            assertEquals("bias", truth.scenario());
            assertTrue(Files.readString(out.resolve("ground-truth.json")).contains("\"before\""));
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private static Config parse(String... args) {
        return switch (FinetuneKeys.SCHEMA.parse(Map.of(), Map.of(), List.of(args))) {
            case ConfigParse.Parsed p -> p.config();
            case ConfigParse.Problems p -> throw new AssertionError(p.report());
        };
    }

    private static List<ConsumerRecord<String, byte[]>> read(String servers, String topic, int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline)
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
