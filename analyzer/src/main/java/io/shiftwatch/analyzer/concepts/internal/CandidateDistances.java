package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * Squared distances from every sample to a few k-means++ candidates, as a blocked product
 * ({@code ||x||^2 + ||y||^2 - 2 x.y}, clamped at 0) with the {@link TwoByFour} kernel: the seeding
 * only needs them as sampling weights and potentials. Norms and dot products are the same FMA
 * chain, so a sample identical to a candidate gets exactly 0 (it is never drawn again).
 * Per-sample results do not depend on the thread count.
 */
final class CandidateDistances {
    private CandidateDistances() {
    }

    /** {@code ||x_i||^2} as one FMA chain per row (the chain {@link TwoByFour#dot} uses). */
    static double[] norms(float[][] x) {
        double[] norms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            float[] row = x[i];
            double s = 0;
            for (int d = 0; d < row.length; d++) {
                s = Math.fma(row[d], row[d], s);
            }
            norms[i] = s;
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
            double[][] dots = new double[2][t];
            for (int i = from; i < to; i += 2) {
                float[] r0 = x[i];
                float[] r1 = i + 1 < to ? x[i + 1] : r0;
                int c = 0;
                for (; c + 3 < t; c += 4) {
                    TwoByFour.dots(r0, r1, chosen[c], chosen[c + 1], chosen[c + 2], chosen[c + 3], dots, c);
                }
                for (; c < t; c++) {
                    dots[0][c] = TwoByFour.dot(r0, chosen[c]);
                    dots[1][c] = TwoByFour.dot(r1, chosen[c]);
                }
                for (int r = 0; r < 2 && i + r < to; r++) {
                    for (c = 0; c < t; c++) {
                        out[c][i + r] = Math.max(0, norms[i + r] + norms[rows[c]] - 2 * dots[r][c]);
                    }
                }
            }
        });
        return out;
    }
}
