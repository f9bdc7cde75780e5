package io.shiftwatch.analyzer.drift;

/**
 * The shift of one base concept (PAPER.md §4): either a {@link ConceptShift} or, when no sample
 * has that concept as its most active one ({@code A_k} empty), {@link NoSamples}.
 */
public sealed interface ShiftOutcome permits ConceptShift, ShiftOutcome.NoSamples {

    /** Base concept index k. */
    int concept();

    /** {@code A_k} is empty: no shift vector exists for base concept {@code concept}. */
    record NoSamples(int concept) implements ShiftOutcome {
        public NoSamples {
            if (concept < 0) {
                throw new IllegalArgumentException("concept must be >= 0, got " + concept);
            }
        }
    }
}
