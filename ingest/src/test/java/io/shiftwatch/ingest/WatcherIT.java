package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.CheckpointWatcher;
import io.shiftwatch.ingest.internal.WatchState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatcherIT {
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private KafkaFixture kafka;
    private CheckpointPublisher publisher;
    private DeadLetterPublisher dlq;
    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-01T12:00:00Z"));

    /** Time moved by the test, so settling needs no sleeping. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() {
        kafka = new KafkaFixture();
        CheckpointEventValidator validator = CheckpointEventValidator.onFilesystem(EventCodec.DEFAULT_MAX_BYTES,
                new CheckpointRoots(List.of(dir, Path.of("/data")), List.of()));
        publisher = CheckpointPublisher.create(kafka.bootstrap, kafka.topics, validator);
        dlq = DeadLetterPublisher.create(kafka.bootstrap, kafka.topics, clock);
    }

    @AfterEach
    void stop() {
        publisher.close();
        dlq.close();
        try {
            kafka.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not delete test topics", e);
        }
    }

    private CheckpointWatcher watcher() {
        EventTemplateSettings.Template template = new EventTemplateSettings.Template("run-w",
                new CheckpointEvent.BaseModel("base", "/data/models/base", ModelFormat.TESTBED),
                new CheckpointEvent.ProbeSet("probes-v1", null), List.of("red"), List.of(-1));
        return new CheckpointWatcher(dir, template, publisher, dlq, WatchState.load(dir), SETTLE, Duration.ofSeconds(30), clock);
    }

    private void write(String relative, int bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private List<Long> publishedSteps(int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(kafka.topics.checkpoints().name(), expected, Duration.ofSeconds(1));
        return records.stream().map(r -> Examples.valid(Codecs.CHECKPOINT_EVENT.read(r.value())).step()).sorted().toList();
    }

    @Test
    void twoCompletedFoldersGiveTwoEvents() throws Exception {
        // Given
        write("checkpoint-100/model.safetensors", 1000);
        write("step-200/weights.params", 500);
        write("step-200/manifest.json", 10);
        CheckpointWatcher watcher = watcher();
        watcher.scanOnce();
        clock.advance(SETTLE);
        // When
        List<CheckpointEvent> published = watcher.scanOnce();
        // Then
        assertEquals(2, published.size());
        assertEquals(List.of(100L, 200L), publishedSteps(2));
    }

    @Test
    void restartedWatcherPublishesNothingTwice() throws Exception {
        // Given
        write("checkpoint-100/model.safetensors", 1000);
        CheckpointWatcher first = watcher();
        first.scanOnce();
        clock.advance(SETTLE);
        first.scanOnce();
        // When
        CheckpointWatcher restarted = watcher();
        restarted.scanOnce();
        clock.advance(SETTLE);
        List<CheckpointEvent> again = restarted.scanOnce();
        // Then
        assertEquals(List.of(), again);
        assertEquals(List.of(100L), publishedSteps(1));
    }

    @Test
    void folderStillBeingWrittenWaitsUntilItSettles() throws Exception {
        // Given
        write("checkpoint-300/model.safetensors", 1000);
        CheckpointWatcher watcher = watcher();
        watcher.scanOnce();
        clock.advance(SETTLE.minusSeconds(1));
        write("checkpoint-300/model.safetensors", 1000);
        clock.advance(Duration.ofSeconds(2));
        // When
        List<CheckpointEvent> whileWriting = watcher.scanOnce();
        clock.advance(SETTLE);
        List<CheckpointEvent> settled = watcher.scanOnce();
        // Then
        assertEquals(List.of(), whileWriting);
        assertEquals(1, settled.size());
        assertEquals(List.of(300L), publishedSteps(1));
    }

    @Test
    void testbedFolderWithoutManifestIsNotPublished() throws Exception {
        // Given
        write("step-5/weights.params", 100);
        CheckpointWatcher watcher = watcher();
        watcher.scanOnce();
        clock.advance(SETTLE.multipliedBy(3));
        // When
        List<CheckpointEvent> published = watcher.scanOnce();
        // Then
        assertEquals(List.of(), published);
        assertTrue(!WatchState.load(dir).isSettled("step-5"));
    }
}
