package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * Exact squared Euclidean distances from one row to several vectors at once: four independent
 * accumulators (one per vector) share each load of the row, instead of one latency-bound chain per
 * pair. Each distance is still the sum of {@code ((double) x_d - y_d)^2} in dimension order, so
 * every value is bit for bit {@link Vectors#squaredDistance(float[], float[])}.
 */
public final class ExactDistances {
    private ExactDistances() {
    }

    /** {@code out[j] = ||x - y_j||^2} for every row {@code y_j} of {@code y} [k, D]. */
    public static void fromRow(float[] x, float[][] y, double[] out) {
        int k = y.length;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            toFour(x, y[j], y[j + 1], y[j + 2], y[j + 3], out, j);
        }
        for (; j < k; j++) {
            out[j] = Vectors.squaredDistance(x, y[j]);
        }
    }

    private static void toFour(float[] x, float[] a, float[] b, float[] c, float[] d, double[] out, int at) {
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double da = v - a[i];
            double db = v - b[i];
            double dc = v - c[i];
            double dd = v - d[i];
            sa += da * da;
            sb += db * db;
            sc += dc * dc;
            sd += dd * dd;
        }
        out[at] = sa;
        out[at + 1] = sb;
        out[at + 2] = sc;
        out[at + 3] = sd;
    }
}
