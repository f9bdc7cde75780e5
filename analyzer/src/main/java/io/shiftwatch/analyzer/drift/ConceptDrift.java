package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import java.util.Optional;

/**
 * Everything measured about one base concept between base and checkpoint (PAPER.md §3-§4): its
 * words {@code T^a_k} and top samples, its {@link ConceptMatch}, its {@link ShiftOutcome}, the
 * words of its shift vector {@code Delta_k} (top 30; empty iff the shift has no samples), and its
 * {@link Recovery} (empty iff unmatched or without samples). Never null.
 */
public record ConceptDrift(int baseConcept, GroundedWords wordsBefore, int[] topSamplesBefore, ConceptMatch match,
                           ShiftOutcome shift, Optional<GroundedWords> shiftWords, Optional<Recovery> recovery) {

    public ConceptDrift {
        if (wordsBefore == null || topSamplesBefore == null || match == null || shift == null
                || shiftWords == null || recovery == null) {
            throw new IllegalArgumentException("concept drift fields must not be null (use Optional.empty())");
        }
        if (shift.concept() != baseConcept) {
            throw new IllegalArgumentException("shift is of concept " + shift.concept() + ", not " + baseConcept);
        }
        topSamplesBefore = topSamplesBefore.clone();
    }
}
