package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.EventIds;
import io.shiftwatch.ingest.internal.Invariants;

import java.util.List;
import java.util.Map;

/**
 * The analyzer's verdict on one checkpoint under one analysis config (v1). When {@code status} is
 * ANALYSED, {@code failureReason} is null and {@code modelHashes}/{@code probeSetHash} are set; when
 * FAILED, {@code failureReason} says why and the hashes may be null (not reached). Collections are
 * never null: {@code stageMillis} (stage → wall time in ms), {@code conceptCounts} (target →
 * number of concepts in its checkpoint dictionary), {@code correlations} between metrics.
 */
public record AnalysisSummary(int schemaVersion, String eventId, String runId, long step, String checkpointEventId,
                              Status status, String failureReason, List<String> targets, Map<String, Long> stageMillis,
                              Map<String, Integer> conceptCounts, List<Correlation> correlations,
                              List<String> coarseShiftWords, String configHash, ModelHashes modelHashes,
                              String probeSetHash) implements Identified {
    public static final int SCHEMA_VERSION = 1;

    /** Outcome of the analysis of one checkpoint. */
    public enum Status { ANALYSED, FAILED }

    public AnalysisSummary {
        if (schemaVersion != SCHEMA_VERSION) {
            throw FieldViolation.invalid("schemaVersion", "must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Invariants.sha256Hex(eventId, "eventId");
        Invariants.runId(runId, "runId");
        Invariants.atLeast(step, 0, "step");
        Invariants.sha256Hex(checkpointEventId, "checkpointEventId");
        Invariants.present(status, "status");
        Invariants.text(configHash, "configHash");
        switch (status) {
            case ANALYSED -> {
                if (failureReason != null) {
                    throw FieldViolation.invalid("failureReason", "must be null when status is ANALYSED");
                }
                Invariants.present(modelHashes, "modelHashes");
                Invariants.text(probeSetHash, "probeSetHash");
            }
            case FAILED -> Invariants.text(failureReason, "failureReason");
        }
        targets = Invariants.words(targets, "targets");
        stageMillis = Invariants.entries(stageMillis, "stageMillis");
        stageMillis.forEach((stage, ms) -> Invariants.atLeast(ms, 0, "stageMillis." + stage));
        conceptCounts = Invariants.entries(conceptCounts, "conceptCounts");
        conceptCounts.forEach((target, n) -> Invariants.atLeast(n, 0, "conceptCounts." + target));
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
        coarseShiftWords = Invariants.words(coarseShiftWords, "coarseShiftWords");
    }

    /** SHA-256 hex of ("analysis/v1", runId, step, checkpointEventId, configHash). */
    public static String computeEventId(String runId, long step, String checkpointEventId, String configHash) {
        return EventIds.sha256Hex("analysis/v1", runId, Long.toString(step), checkpointEventId, configHash);
    }

    @Override
    public String expectedEventId() {
        return computeEventId(runId, step, checkpointEventId, configHash);
    }

    /** Content hashes of the two models compared; both required. */
    public record ModelHashes(String base, String checkpoint) {
        public ModelHashes {
            Invariants.text(base, "modelHashes.base");
            Invariants.text(checkpoint, "modelHashes.checkpoint");
        }
    }

    /**
     * Correlation of two metrics over {@code n} paired values: Pearson r and Spearman rho in
     * [-1, 1] (NaN is not allowed; a degenerate pair is left out instead), p-values in [0, 1].
     */
    public record Correlation(String x, String y, double pearsonR, double pearsonP, double spearmanRho,
                              double spearmanP, int n) {
        public Correlation {
            Invariants.text(x, "correlations.x");
            Invariants.text(y, "correlations.y");
            correlationCoefficient(pearsonR, "correlations.pearsonR");
            Invariants.unit(pearsonP, "correlations.pearsonP");
            correlationCoefficient(spearmanRho, "correlations.spearmanRho");
            Invariants.unit(spearmanP, "correlations.spearmanP");
            Invariants.atLeast(n, 0, "correlations.n");
        }

        private static void correlationCoefficient(double value, String field) {
            if (!(value >= -1.0 && value <= 1.0)) {
                throw FieldViolation.invalid(field, "must be within [-1, 1] but was " + value);
            }
        }
    }
}
