package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.internal.Vectors;
import java.util.OptionalDouble;

/**
 * How coherently the samples of one concept moved (PAPER.md §4, shift consistency), over the
 * per-sample shifts {@code delta_m}, m in {@code A_k}: {@code meanPairwiseCosine} (empty when
 * |A_k| < 2), the mean cosine of each {@code delta_m} with {@code Delta_k}, and the mean and the
 * population standard deviation (divide by n) of {@code ||delta_m||}. Cosines with a zero vector
 * count 0.
 */
public record ShiftConsistency(OptionalDouble meanPairwiseCosine, double meanCosineWithShift,
                               double meanSampleMagnitude, double stdSampleMagnitude) {

    public ShiftConsistency {
        if (meanPairwiseCosine == null) {
            throw new IllegalArgumentException("meanPairwiseCosine must not be null (use OptionalDouble.empty())");
        }
    }

    /** Consistency of {@code deltas} [n, D] (n >= 1) around their mean {@code shift} [D]. */
    public static ShiftConsistency of(double[][] deltas, double[] shift) {
        int d = Vectors.requireMatrix(deltas, "deltas [n, D]");
        Vectors.requireLength(shift, d, "shift vector Delta_k");
        int n = deltas.length;
        double cosSum = 0;
        double[] magnitudes = new double[n];
        double magSum = 0;
        for (int i = 0; i < n; i++) {
            cosSum += Vectors.cosine(deltas[i], shift);
            magnitudes[i] = Vectors.norm(deltas[i]);
            magSum += magnitudes[i];
        }
        double meanMag = magSum / n;
        double squares = 0;
        for (double mag : magnitudes) {
            squares += (mag - meanMag) * (mag - meanMag);
        }
        double variance = squares / n;
        return new ShiftConsistency(meanPairwiseCosine(deltas), cosSum / n, meanMag, Math.sqrt(variance));
    }

    /**
     * Mean cosine over the n(n-1) ordered pairs of distinct rows of {@code vectors} [n, D], in O(nD)
     * through the unit vectors e_m: {@code (||sum e_m||^2 - sum ||e_m||^2) / (n(n-1))}, where
     * {@code ||e_m||^2} is 1 (or 0 for a zero row, whose cosines count 0). Empty when n < 2.
     */
    public static OptionalDouble meanPairwiseCosine(double[][] vectors) {
        int d = Vectors.requireMatrix(vectors, "vectors [n, D]");
        int n = vectors.length;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double[] sum = new double[d];
        int nonZero = 0;
        for (double[] v : vectors) {
            double norm = Vectors.norm(v);
            if (norm > 0) {
                nonZero++;
                for (int j = 0; j < d; j++) {
                    sum[j] += v[j] / norm;
                }
            }
        }
        double mean = (Vectors.dot(sum, sum) - nonZero) / ((double) n * (n - 1));
        return OptionalDouble.of(Math.max(-1, Math.min(1, mean)));
    }
}
