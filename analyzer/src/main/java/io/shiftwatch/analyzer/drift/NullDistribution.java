package io.shiftwatch.analyzer.drift;

import java.util.Arrays;

/**
 * The null distribution of one drift metric: its values when the base model is compared with
 * itself (see {@link NullCalibration}). {@code samples} are sorted ascending, finite, at least one.
 * Tie rule: values equal to {@code v} count as "at or below" for {@link #quantileOf} and as "at or
 * above" for {@link #upperTailP}, so both tails are conservative (a value equal to every null
 * sample has both tail probabilities 1). Read-only; never null.
 */
public record NullDistribution(DriftMetric metric, double[] samples) {

    public NullDistribution {
        if (metric == null || samples == null || samples.length == 0) {
            throw new IllegalArgumentException("a null distribution needs a metric and at least one sample");
        }
        for (double s : samples) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("null sample of " + metric + " is not finite: " + s);
            }
        }
        samples = samples.clone();
        Arrays.sort(samples);
    }

    /** Number of null samples. */
    public int size() {
        return samples.length;
    }

    /** Fraction of null samples {@code <= value} (empirical CDF; lower-tail probability). */
    public double quantileOf(double value) {
        return (double) countAtOrBelow(value) / samples.length;
    }

    /** Fraction of null samples {@code >= value} (upper-tail probability). */
    public double upperTailP(double value) {
        return (double) (samples.length - countBelow(value)) / samples.length;
    }

    /**
     * True when every null sample has the same value, so the null has no spread and a quantile of it says only
     * "differs from the base model against itself" (the shift metrics: that comparison shifts by exactly zero).
     */
    public boolean degenerate() {
        return samples[0] == samples[samples.length - 1];
    }

    /** Whether {@code value} lies within [min, max] of the null samples. */
    public boolean contains(double value) {
        return value >= samples[0] && value <= samples[samples.length - 1];
    }

    /**
     * Empirical quantile (inverse CDF): the smallest null sample {@code s} with
     * {@code quantileOf(s) >= q}; {@code q} in [0, 1], q = 0 gives the minimum.
     */
    public double valueAt(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        int index = (int) Math.ceil(q * samples.length) - 1;
        return samples[Math.max(0, Math.min(samples.length - 1, index))];
    }

    private int countAtOrBelow(double value) {
        int lo = 0;
        int hi = samples.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int countBelow(double value) {
        int lo = 0;
        int hi = samples.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (samples[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
