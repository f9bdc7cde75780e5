package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.EventIds;
import io.shiftwatch.ingest.internal.Invariants;

import java.util.List;
import java.util.Map;

/**
 * How one base concept of one target token at one layer moved at one checkpoint (v1), produced by
 * the analyzer, consumed by the auditor (PAPER.md metrics). {@code baseConcept} is the base
 * dictionary index k, or -1 when {@code emergent} (a checkpoint concept without base counterpart,
 * then {@code matchedConcept} is that new concept); {@code matchedConcept} is -1 when nothing
 * matched. Overlaps are fractions in [0, 1]; word lists and {@code nullQuantiles} (metric name →
 * quantile of this value in the base-vs-base null distribution, in [0, 1]) are never null.
 * {@code wordWeights} (added within v1; absent in older records, read as empty) holds, for every word of
 * {@code baseWords} ∪ {@code matchedWords}, its probability under the base and the matched concept.
 */
public record ConceptDriftEvent(int schemaVersion, String eventId, String runId, long step, String checkpointEventId,
                                String target, int layer, String configHash, int baseConcept, int matchedConcept,
                                double cosine, double tOverlap, double imageOverlap, double shiftMagnitude,
                                double shiftConsistency, double recoveryCosine, double recoveryL2,
                                double shiftedTOverlap, double baseTOverlap, List<String> baseWords,
                                List<String> matchedWords, List<String> shiftWords, List<String> coarseShiftWords,
                                int sampleCount, Map<String, Double> nullQuantiles, boolean emergent,
                                List<WordWeight> wordWeights)
        implements Identified {
    public static final int SCHEMA_VERSION = 1;
    /** Concept index meaning "none" (no match, or no base concept for an emergent one). */
    public static final int NO_CONCEPT = -1;

    public ConceptDriftEvent {
        if (schemaVersion != SCHEMA_VERSION) {
            throw FieldViolation.invalid("schemaVersion", "must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Invariants.sha256Hex(eventId, "eventId");
        Invariants.runId(runId, "runId");
        Invariants.atLeast(step, 0, "step");
        Invariants.sha256Hex(checkpointEventId, "checkpointEventId");
        Invariants.text(target, "target");
        Invariants.atLeast(layer, CheckpointEvent.FINAL_NORM, "layer");
        Invariants.text(configHash, "configHash");
        Invariants.atLeast(baseConcept, NO_CONCEPT, "baseConcept");
        Invariants.atLeast(matchedConcept, NO_CONCEPT, "matchedConcept");
        if (emergent && (baseConcept != NO_CONCEPT || matchedConcept == NO_CONCEPT)) {
            throw FieldViolation.invalid("baseConcept", "must be -1 with matchedConcept >= 0 for an emergent concept");
        }
        if (!emergent && baseConcept == NO_CONCEPT) {
            throw FieldViolation.invalid("baseConcept", "must be >= 0 unless the concept is emergent");
        }
        Invariants.finite(cosine, "cosine");
        Invariants.unit(tOverlap, "tOverlap");
        Invariants.unit(imageOverlap, "imageOverlap");
        Invariants.nonNegative(shiftMagnitude, "shiftMagnitude");
        Invariants.finite(shiftConsistency, "shiftConsistency");
        Invariants.finite(recoveryCosine, "recoveryCosine");
        // Like recoveryCosine, the L2 recovery is negative when the shifted concept lands farther away.
        Invariants.finite(recoveryL2, "recoveryL2");
        Invariants.unit(shiftedTOverlap, "shiftedTOverlap");
        Invariants.unit(baseTOverlap, "baseTOverlap");
        baseWords = Invariants.words(baseWords, "baseWords");
        matchedWords = Invariants.words(matchedWords, "matchedWords");
        shiftWords = Invariants.words(shiftWords, "shiftWords");
        coarseShiftWords = Invariants.words(coarseShiftWords, "coarseShiftWords");
        Invariants.atLeast(sampleCount, 0, "sampleCount");
        nullQuantiles = Invariants.entries(nullQuantiles, "nullQuantiles");
        nullQuantiles.forEach((metric, q) -> Invariants.unit(q, "nullQuantiles." + metric));
        wordWeights = wordWeights == null ? List.of() : List.copyOf(wordWeights);
    }

    /**
     * The identity of a drift measurement: run, step, target, layer, base concept (or, for an
     * emergent one, the new concept, so that several emergent concepts do not collide) and config.
     */
    public static String computeEventId(String runId, long step, String target, int layer, int baseConcept,
                                        int matchedConcept, boolean emergent, String configHash) {
        String concept = emergent ? "emergent:" + matchedConcept : Integer.toString(baseConcept);
        return EventIds.sha256Hex("concept-drift/v1", runId, Long.toString(step), target, Integer.toString(layer),
                concept, configHash);
    }

    @Override
    public String expectedEventId() {
        return computeEventId(runId, step, target, layer, baseConcept, matchedConcept, emergent, configHash);
    }
}
