package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * The representations of one model for one target token at one layer (PAPER.md §1): {@code states}
 * [M samples, D], row m read at the position that predicts {@code target} in sample m's output.
 * For a comparison, base and checkpoint states hold the same samples in the same row order.
 * Copied on construction, read-only; never null.
 */
public record LayerStates(String target, int layer, float[][] states) {

    public LayerStates {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target token must not be blank");
        }
        Vectors.requireMatrix(states, "states of target '" + target + "' at layer " + layer + " [M, D]");
        states = Vectors.copy(states);
    }

    /** Number of samples M. */
    public int sampleCount() {
        return states.length;
    }

    /** Hidden size D. */
    public int dimension() {
        return states[0].length;
    }
}
