package io.shiftwatch.analyzer.concepts;

import java.util.Arrays;

/**
 * Image grounding (PAPER.md §3): the samples on which a concept is most active (top 5 for
 * display, 50 for metrics). Activations are one concept's column [M]; the result holds sample
 * indices (into that column), most active first, ties broken by lower sample index; its length is
 * {@code min(n, M)}.
 */
public final class ImageGrounding {

    public static final int DISPLAY_SAMPLES = 5;
    public static final int METRIC_SAMPLES = 50;

    private ImageGrounding() {
    }

    /** Indices of the {@code n} most active samples of {@code activations} [M]. */
    public static int[] topSamples(float[] activations, int n) {
        if (activations == null || n < 1) {
            throw new IllegalArgumentException("activations must not be null and n must be >= 1, got n = " + n);
        }
        Integer[] idx = new Integer[activations.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        // Stable sort: equal activations keep ascending index order.
        Arrays.sort(idx, (p, q) -> Float.compare(activations[q], activations[p]));
        return Arrays.stream(idx).limit(Math.min(n, idx.length)).mapToInt(Integer::intValue).toArray();
    }

    /** Top {@code n} samples of concept {@code k}, given activations [M, K]. */
    public static int[] topSamples(float[][] activations, int k, int n) {
        float[] column = new float[activations.length];
        for (int i = 0; i < column.length; i++) {
            if (k < 0 || k >= activations[i].length) {
                throw new IllegalArgumentException("concept " + k + " outside activations row " + i
                        + " of width " + activations[i].length);
            }
            column[i] = activations[i][k];
        }
        return topSamples(column, n);
    }
}
