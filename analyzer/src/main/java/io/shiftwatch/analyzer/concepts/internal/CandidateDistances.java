package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * Squared distances from every sample to a few k-means++ candidates, as a blocked product
 * ({@code ||x||^2 + ||y||^2 - 2 x.y}, clamped at 0) with the {@link FourByFour} kernel: the seeding
 * only needs them as sampling weights and potentials. Norms and dot products are the same FMA
 * chain, so a sample identical to a candidate gets exactly 0 (it is never drawn again).
 * Per-sample results do not depend on the thread count.
 */
final class CandidateDistances {
    private CandidateDistances() {
    }

    /** {@code ||x_i||^2} as the product {@link FourByFour#dot} defines (so a sample's distance to itself is 0). */
    static double[] norms(float[][] x) {
        double[] norms = new double[x.length];
        double[] wide = new double[x[0].length];
        for (int i = 0; i < x.length; i++) {
            float[] row = x[i];
            for (int d = 0; d < row.length; d++) {
                wide[d] = row[d];
            }
            norms[i] = FourByFour.dot(row, wide);
        }
        return norms;
    }

    /** {@code out[t][i] = ||x_i - x_{rows[t]}||^2} (up to rounding, >= 0) for x [n, D]. */
    static double[][] toSamples(float[][] x, double[] norms, int[] rows) {
        int t = rows.length;
        double[][] chosen = new double[t][];
        for (int c = 0; c < t; c++) {
            chosen[c] = Vectors.toDouble(x[rows[c]]);
        }
        double[][] out = new double[t][x.length];
        RowBlocks.forEach(x.length, (long) t * x[0].length, (from, to) -> {
            double[][] dots = new double[FourByFour.ROWS][t];
            for (int i = from; i < to; i += FourByFour.ROWS) {
                int count = FourByFour.rowsByCentres(x, i, to, chosen, dots);
                for (int r = 0; r < count; r++) {
                    for (int c = 0; c < t; c++) {
                        out[c][i + r] = Math.max(0, norms[i + r] + norms[rows[c]] - 2 * dots[r][c]);
                    }
                }
            }
        });
        return out;
    }
}
