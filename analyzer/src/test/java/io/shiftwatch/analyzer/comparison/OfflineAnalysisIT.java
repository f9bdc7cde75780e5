package io.shiftwatch.analyzer.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.OfflineAnalysis;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.analyzer.extraction.Npy;
import io.shiftwatch.models.probe.ProbeSetFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineAnalysisIT {
    @TempDir
    static Path tmp;
    static Path base;
    static Path finetuned;
    static Path probe;
    static final AnalysisConfig CONFIG = new AnalysisConfig(List.of("red", "shape"), List.of(-1, 1), 8, 3, 42, 3, 12, 32);

    @BeforeAll
    static void trainTinyRun() throws IOException {
        base = tmp.resolve("base");
        finetuned = tmp.resolve("step-60");
        probe = tmp.resolve("probe");
        TinyRun.trainBase(base, 250);
        TinyRun.finetune(base, finetuned, 60);
        ProbeSetFiles.write(probe, TinyRun.probeSet());
    }

    @Test
    void aCheckpointIdenticalToItsBaseKeepsEveryConceptAndShiftsNothing() throws IOException {
        // Given the base compared with itself
        Path out = tmp.resolve("identical");

        // When
        var outcome = OfflineAnalysis.run(base, base, probe, out, CONFIG, tmp.resolve("cache"), ExtractionProgress.none());

        // Then
        var compared = assertInstanceOf(ComparisonOutcome.Compared.class, outcome);
        assertEquals(4, compared.targets().size(), "red and shape at two layers: " + compared.skipped());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        for (JsonNode target : metrics.get("targets")) {
            assertEquals(0, target.get("emergent").size());
            assertEquals(0.0, target.get("coarseShiftMagnitude").asDouble(), 1e-6);
            for (JsonNode c : target.get("concepts")) {
                // T-Overlap = |T^a ∩ T^b| / N with N = 15: this vocabulary has fewer valid words than N, so
                // "unchanged" means the same word list, i.e. T-Overlap = |T^a| / 15.
                assertEquals(c.get("wordsBefore"), c.get("wordsAfter"), "words of concept " + c.get("baseConcept"));
                assertEquals(c.get("wordsBefore").size() / 15.0, c.get("tOverlap").asDouble(), 1e-12);
                assertEquals(1.0, c.get("cosine").asDouble(), 1e-5);
                if (c.get("sampleCount").asInt() > 0) assertEquals(0.0, c.get("shiftMagnitude").asDouble(), 1e-6);
            }
        }
    }

    @Test
    void aPlaceFocusedFineTuneShiftsTheConceptsAndWritesCheckableFiles() throws IOException {
        // Given the base and a checkpoint fine-tuned to append "at the beach"
        Path out = tmp.resolve("finetuned");

        // When
        var outcome = OfflineAnalysis.run(base, finetuned, probe, out, CONFIG, tmp.resolve("cache"), ExtractionProgress.none());

        // Then the shift is measured, and the .npy files hold the paired states whose difference is the coarse shift
        var compared = assertInstanceOf(ComparisonOutcome.Compared.class, outcome);
        TargetComparison red = compared.targets().stream().filter(t -> t.target().equals("red") && t.layer() == -1).findFirst().orElseThrow();
        assertTrue(red.report().coarseShift().magnitude() > 1e-3, "fine-tuning moved the 'red' states");
        var a = Npy.read(out.resolve("red_L-1_base_states.npy"));
        var b = Npy.read(out.resolve("red_L-1_checkpoint_states.npy"));
        assertArrayEquals(new int[] {red.pairedSampleIds().size(), 32}, a.shape());
        double[] meanDelta = new double[32];
        float[][] am = a.toMatrix(), bm = b.toMatrix();
        for (int m = 0; m < am.length; m++)
            for (int j = 0; j < 32; j++) meanDelta[j] += (bm[m][j] - am[m][j]) / (double) am.length;
        for (int j = 0; j < 32; j++) assertEquals(red.report().coarseShift().vector()[j], meanDelta[j], 1e-4);
    }

    @Test
    void aTargetTheCheckpointNoLongerProducesIsLostWithEveryBaseConcept() throws IOException {
        // Given the place-focused model as the "base" (it says "beach") and the original base as the checkpoint
        // (it never does), analysed for "beach" and "red"
        var config = new AnalysisConfig(List.of("beach", "red"), List.of(-1), 8, 3, 42, 3, 12, 32);

        // When
        var outcome = OfflineAnalysis.run(finetuned, base, probe, tmp.resolve("lost"), config, tmp.resolve("cache"),
                ExtractionProgress.none());

        // Then "beach" is lost (each of its base concepts unmatched) and "red" is compared as usual
        var compared = assertInstanceOf(ComparisonOutcome.Compared.class, outcome);
        LostTarget beach = compared.lost().getFirst();
        assertEquals(1, compared.lost().size());
        assertEquals("beach", beach.target());
        assertEquals(0, beach.pairedSamples());
        assertEquals(0.0, beach.retention());
        assertEquals(List.of("red"), compared.targets().stream().map(TargetComparison::target).toList());
        var event = io.shiftwatch.ingest.CheckpointEvent.of("run-lost", 60, java.time.Instant.EPOCH,
                new io.shiftwatch.ingest.CheckpointEvent.BaseModel("tiny", "file:///base", io.shiftwatch.ingest.ModelFormat.TESTBED),
                new io.shiftwatch.ingest.CheckpointEvent.CheckpointRef("file:///ckpt", io.shiftwatch.ingest.ModelFormat.TESTBED, null),
                new io.shiftwatch.ingest.CheckpointEvent.ProbeSet("tiny", null), List.of(), List.of(),
                io.shiftwatch.ingest.CheckpointEvent.TrainerMetadata.NONE);
        var lostEvents = DriftEvents.of(event, compared, config.configHash()).stream()
                .filter(e -> e.target().equals("beach")).toList();
        assertEquals(beach.effectiveK(), lostEvents.size());
        assertTrue(lostEvents.stream().allMatch(e -> e.matchedConcept() == -1 && !e.emergent() && e.sampleCount() == 0));
    }
}
