package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;

/**
 * A checkpoint concept with no good base counterpart (PAPER.md §5, "new ones emerge"): left
 * {@link Reason#UNMATCHED} (the checkpoint has more concepts than the base), or matched with a
 * cosine below {@link DriftConfig#emergentCosine()} ({@link Reason#LOW_COSINE};
 * {@code matchedBaseConcept} is then the base concept, else -1). {@code bestBaseCosine} is its
 * largest cosine with any base concept; {@code size} its number of checkpoint samples.
 */
public record EmergentConcept(int checkpointConcept, Reason reason, int matchedBaseConcept, double bestBaseCosine,
                              int size, GroundedWords words, int[] topSamples) {

    /** Why the concept counts as emergent. */
    public enum Reason { UNMATCHED, LOW_COSINE }

    public EmergentConcept {
        if (reason == null || words == null || topSamples == null) {
            throw new IllegalArgumentException("reason, words and topSamples must not be null");
        }
        if ((reason == Reason.UNMATCHED) != (matchedBaseConcept < 0)) {
            throw new IllegalArgumentException("matchedBaseConcept " + matchedBaseConcept + " contradicts reason " + reason);
        }
        topSamples = topSamples.clone();
    }
}
