package io.shiftwatch.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Well-formed events of every type, built through the public factories. */
final class Examples {
    static final Instant AT = Instant.parse("2025-11-22T10:15:30.123Z");
    static final String SHA = "ab".repeat(32);

    private Examples() {
    }

    /** The value of a Valid result; fails the test with the rejection otherwise. */
    static <T> T valid(ReadResult<T> result) {
        return switch (result) {
            case ReadResult.Valid<T> valid -> valid.value();
            case ReadResult.Invalid<T> invalid -> throw new AssertionError("expected a valid payload: " + invalid);
        };
    }

    static CheckpointEvent checkpoint() {
        return checkpoint("run-7", 1200, "/data/ckpt/run-7/checkpoint-1200");
    }

    static CheckpointEvent checkpoint(String runId, long step, String uri) {
        return CheckpointEvent.of(runId, step, AT,
                new CheckpointEvent.BaseModel("testbed-vlm-base", "/data/models/base", ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(uri, ModelFormat.SAFETENSORS, SHA),
                new CheckpointEvent.ProbeSet("probes-v1", "/data/probes/v1"),
                List.of("red", "doctor"), List.of(3, CheckpointEvent.FINAL_NORM),
                new CheckpointEvent.TrainerMetadata(0.42, 1e-4, 1.5, Map.of("scenario", "place-focus")));
    }

    static ConceptDriftEvent drift() {
        String checkpointId = checkpoint().eventId();
        String id = ConceptDriftEvent.computeEventId("run-7", 1200, "red", 3, 4, 2, false, "cfg-1");
        return new ConceptDriftEvent(1, id, "run-7", 1200, checkpointId, "red", 3, "cfg-1", 4, 2,
                0.91, 0.6, 0.5, 1.25, 0.8, 0.7, 0.3, 0.4, 0.55,
                List.of("red", "crimson"), List.of("red", "beach"), List.of("beach", "sand"), List.of("beach"),
                120, Map.of("tOverlap", 0.03), false,
                List.of(new WordWeight("red", 0.4, 0.3), new WordWeight("crimson", 0.05, 0.01), new WordWeight("beach", 0.001, 0.2)));
    }

    static AnalysisSummary summary() {
        String checkpointId = checkpoint().eventId();
        return new AnalysisSummary(1, AnalysisSummary.computeEventId("run-7", 1200, checkpointId, "cfg-1"), "run-7",
                1200, checkpointId, AnalysisSummary.Status.ANALYSED, null, List.of("red"),
                Map.of("extract", 1234L, "dictionary", 88L), Map.of("red", 12),
                List.of(new AnalysisSummary.Correlation("tOverlap", "recoveryCosine", 0.7, 0.01, 0.65, 0.02, 12)),
                List.of("beach", "sand"), "cfg-1", new AnalysisSummary.ModelHashes("h-base", "h-ckpt"), "h-probe");
    }

    static AnalysisProgress progress() {
        return AnalysisProgress.of("run-7", 1200, "dictionary", 0.5, AT);
    }

    static DeadLetter deadLetter() {
        return DeadLetter.ofRecord("{oops".getBytes(), new ReadResult.Invalid<>(RejectReason.MALFORMED_JSON, null,
                "payload is not valid JSON"), "shiftwatch.checkpoints", 2, 41L, AT);
    }
}
