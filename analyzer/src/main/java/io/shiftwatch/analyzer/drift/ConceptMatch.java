package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;

/**
 * Where base concept k went (PAPER.md §3-§4): {@link Matched} to checkpoint concept
 * {@code pi(k)}, or {@link Unmatched} (possible only when the checkpoint has fewer concepts).
 */
public sealed interface ConceptMatch permits ConceptMatch.Matched, ConceptMatch.Unmatched {

    /**
     * Matched to {@code checkpointConcept} with cosine {@code cos(u^a_k, u^b_pi(k))}, its words
     * {@code T^b_pi(k)}, its top activating samples (indices), {@code tOverlap = |T^a ∩ T^b| / N} and
     * the image-grounding overlap of the top-N sample sets, both fractions in [0, 1], and the
     * {@link WordWeights} of both groundings' words under both concepts.
     */
    record Matched(int checkpointConcept, double cosine, GroundedWords wordsAfter, int[] topSamplesAfter,
                   double tOverlap, double imageOverlap, WordWeights weights) implements ConceptMatch {
        public Matched {
            if (wordsAfter == null || topSamplesAfter == null || weights == null) {
                throw new IllegalArgumentException("wordsAfter, topSamplesAfter and weights must not be null");
            }
            topSamplesAfter = topSamplesAfter.clone();
        }
    }

    /** No checkpoint concept was left for this base concept. */
    record Unmatched() implements ConceptMatch {
    }
}
