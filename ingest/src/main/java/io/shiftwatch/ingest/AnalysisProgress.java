package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.Invariants;

import java.time.Instant;

/**
 * How far the analyzer has got with one checkpoint (v1): {@code stage} names the pipeline stage
 * (e.g. "extract", "dictionary"), {@code fraction} of the whole analysis in [0, 1], at an instant.
 * Progress has no event id: the latest value per run wins.
 */
public record AnalysisProgress(int schemaVersion, String runId, long step, String stage, double fraction, Instant at) {
    public static final int SCHEMA_VERSION = 1;

    public AnalysisProgress {
        if (schemaVersion != SCHEMA_VERSION) {
            throw FieldViolation.invalid("schemaVersion", "must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Invariants.runId(runId, "runId");
        Invariants.atLeast(step, 0, "step");
        Invariants.text(stage, "stage");
        Invariants.unit(fraction, "fraction");
        Invariants.present(at, "at");
    }

    public static AnalysisProgress of(String runId, long step, String stage, double fraction, Instant at) {
        return new AnalysisProgress(SCHEMA_VERSION, runId, step, stage, fraction, at);
    }
}
