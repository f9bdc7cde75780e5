package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.internal.ConceptViews.Bound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calibrated bounds for the concept page: a metric's value against a quantile of its null distribution
 * (the base model against itself, ARCHITECTURE.md "Auditor"). Pure functions; no I/O.
 */
public final class NullBounds {
    /** Lower-tail metrics are suspicious below their 5 % quantile, upper-tail ones above their 95 % quantile. */
    public static final double LOW_QUANTILE = 0.05, HIGH_QUANTILE = 0.95;

    /** The metrics shown, with the null_distributions.metric name and the suspicious tail. */
    enum Shown {
        T_OVERLAP("t_overlap", false), MATCH_COSINE("match_cosine", false), IMAGE_OVERLAP("image_overlap", false),
        SHIFT_MAGNITUDE("shift_magnitude", true), SHIFT_CONSISTENCY("shift_consistency", true);

        final String metric;
        final boolean high;

        Shown(String metric, boolean high) {
            this.metric = metric;
            this.high = high;
        }
    }

    private NullBounds() {
    }

    /**
     * The {@code q}-quantile of ascending {@code sorted} by linear interpolation between order statistics
     * (Hyndman-Fan type 7): position {@code q * (n - 1)}.
     */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) throw new IllegalArgumentException("quantile of an empty null distribution");
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile level must be within [0, 1], got " + q);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * One bound per shown metric; a metric without a stored null distribution gets a null bound, and so does
     * one whose null is DEGENERATE (every sample the same value: e.g. shift metrics, since the base model
     * against itself shifts by exactly zero) — any other value would lie "outside" it, which says nothing.
     * The bound's note says which of the two it is.
     */
    static List<Bound> bounds(Map<String, double[]> nulls, Map<Shown, Double> values) {
        List<Bound> out = new ArrayList<>();
        for (Shown s : Shown.values()) {
            double[] samples = nulls.get(s.metric);
            Double value = values.get(s);
            double q = s.high ? HIGH_QUANTILE : LOW_QUANTILE;
            int n = samples == null ? 0 : samples.length;
            if (n == 0) {
                out.add(new Bound(s.metric, value, tail(s), q, null, 0, null, "no null distribution"));
            } else if (degenerate(samples)) {
                out.add(new Bound(s.metric, value, tail(s), q, null, n, null, "no calibrated bound: the base model against"
                        + " itself gives " + samples[0] + " in all " + n + " null samples (degenerate null)"));
            } else {
                double bound = quantile(samples, q);
                boolean outside = value != null && (s.high ? value > bound : value < bound);
                out.add(new Bound(s.metric, value, tail(s), q, bound, n, value == null ? null : outside, null));
            }
        }
        return out;
    }

    /** True when every sample has the same value (no spread to calibrate against). */
    static boolean degenerate(double[] samples) {
        for (double v : samples) if (Double.compare(v, samples[0]) != 0) return false;
        return true;
    }

    private static String tail(Shown s) {
        return s.high ? "HIGH" : "LOW";
    }
}
