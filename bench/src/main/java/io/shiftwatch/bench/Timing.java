package io.shiftwatch.bench;

import java.util.Arrays;

/** Repetition statistics. Pure functions. */
public final class Timing {
    private Timing() {
    }

    /** Median of {@code values} (mean of the two middle values for an even count); values must be non-empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values: run at least one repetition");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The {@code q}-quantile (0..1) by the nearest-rank method. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " of " + values.length + " values: need q in [0, 1] and values");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, rank - 1)];
    }

    /** Seconds since {@code startNanos}. */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
