package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.internal.Vectors;

/**
 * What fine-tuning added overall at this layer (PAPER.md §6, coarse shift, read in §4's terms):
 * {@code vector = mean(b) - mean(a)} [D] over the paired samples, its {@code magnitude} and its
 * text grounding (top 30 words). Never null.
 */
public record CoarseShift(double[] vector, double magnitude, GroundedWords words) {

    public CoarseShift {
        if (vector == null || words == null) {
            throw new IllegalArgumentException("vector and words must not be null");
        }
        vector = vector.clone();
    }

    /** {@code mean(b) - mean(a)} [D] for paired states a, b [M, D]. */
    public static double[] vector(float[][] a, float[][] b) {
        ConceptShift.requirePaired(a, b);
        return Vectors.subtract(Vectors.mean(b), Vectors.mean(a));
    }
}
