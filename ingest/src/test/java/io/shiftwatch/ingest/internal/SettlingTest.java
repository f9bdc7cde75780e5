package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.ModelFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

class SettlingTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final FolderSnapshot WEIGHTS = FolderSnapshot.of(Map.of(
            "model.safetensors", new FolderSnapshot.FileStamp(1000, 1)));
    private static final FolderSnapshot GROWN = FolderSnapshot.of(Map.of(
            "model.safetensors", new FolderSnapshot.FileStamp(2000, 1)));

    @Test
    void unchangedFolderBecomesReadyAfterTheSettleInterval() {
        // Given
        Settling.Observation first = Settling.observe(null, WEIGHTS, T0);
        Settling.Observation later = Settling.observe(first, WEIGHTS, T0.plusSeconds(5));
        // When
        Settling.Readiness readiness = Settling.readiness(CheckpointFolder.Layout.HUGGING_FACE, later, T0.plusSeconds(5), SETTLE);
        // Then
        assertInstanceOf(Settling.Readiness.Ready.class, readiness);
    }

    @Test
    void folderStillGrowingIsNotReady() {
        // Given
        Settling.Observation first = Settling.observe(null, WEIGHTS, T0);
        Settling.Observation grown = Settling.observe(first, GROWN, T0.plusSeconds(4));
        // When
        Settling.Readiness readiness = Settling.readiness(CheckpointFolder.Layout.HUGGING_FACE, grown, T0.plusSeconds(8), SETTLE);
        // Then
        assertInstanceOf(Settling.Readiness.Waiting.class, readiness);
    }

    @Test
    void sameSnapshotKeepsItsFirstSighting() {
        // Given
        Settling.Observation first = Settling.observe(null, WEIGHTS, T0);
        // When
        Settling.Observation again = Settling.observe(first, FolderSnapshot.of(WEIGHTS.files()), T0.plusSeconds(3));
        // Then
        assertSame(first, again);
    }

    @Test
    void touchedFileRestartsTheClock() {
        // Given
        Settling.Observation first = Settling.observe(null, WEIGHTS, T0);
        FolderSnapshot touched = FolderSnapshot.of(Map.of("model.safetensors", new FolderSnapshot.FileStamp(1000, 2)));
        // When
        Settling.Observation after = Settling.observe(first, touched, T0.plusSeconds(3));
        // Then
        assertEquals(T0.plusSeconds(3), after.unchangedSince());
    }

    @Test
    void testbedFolderWithoutManifestWaitsHoweverQuiet() {
        // Given
        Settling.Observation quiet = Settling.observe(null, WEIGHTS, T0);
        // When
        Settling.Readiness readiness = Settling.readiness(CheckpointFolder.Layout.TESTBED, quiet, T0.plusSeconds(60), SETTLE);
        // Then
        assertEquals("no manifest.json yet", assertInstanceOf(Settling.Readiness.Waiting.class, readiness).why());
    }

    @Test
    void emptyFolderIsNeverReady() {
        // Given
        Settling.Observation empty = Settling.observe(null, FolderSnapshot.of(Map.of()), T0);
        // When
        Settling.Readiness readiness = Settling.readiness(CheckpointFolder.Layout.HUGGING_FACE, empty, T0.plusSeconds(60), SETTLE);
        // Then
        assertInstanceOf(Settling.Readiness.Waiting.class, readiness);
    }

    @Test
    void folderNamesAreRecognisedWithStepAndFormat() {
        // When
        Optional<CheckpointFolder> hf = CheckpointFolder.recognise("checkpoint-1500");
        Optional<CheckpointFolder> testbed = CheckpointFolder.recognise("step-20");
        Optional<CheckpointFolder> other = CheckpointFolder.recognise("tmp-checkpoint-1500");
        // Then
        assertEquals(1500, hf.orElseThrow().step());
        assertEquals(ModelFormat.SAFETENSORS, hf.get().layout().format());
        assertEquals(ModelFormat.TESTBED, testbed.orElseThrow().layout().format());
        assertEquals(Optional.empty(), other);
    }
}
