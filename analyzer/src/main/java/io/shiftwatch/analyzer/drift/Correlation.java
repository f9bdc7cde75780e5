package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.drift.CorrelationOutcome.Method;
import java.util.Arrays;
import smile.math.special.Beta;

/**
 * Correlation tests used by PAPER.md §4 (consistency vs recovery, magnitude vs recovery): Pearson
 * r and Spearman rho (Pearson r of the average ranks, ties sharing their mean rank), each with the
 * two-sided p-value of {@code t = r sqrt((n-2)/(1-r^2))} under Student t with n-2 degrees of
 * freedom, {@code p = I_{df/(df+t^2)}(df/2, 1/2)} (regularised incomplete beta from Smile), which
 * is what scipy.stats.pearsonr (exact for normal data) and spearmanr report. Inputs are paired
 * series of equal length, finite values.
 */
public final class Correlation {
    private Correlation() {
    }

    /** Pearson correlation of {@code x} and {@code y} with its two-sided p-value. */
    public static CorrelationOutcome pearson(double[] x, double[] y) {
        return test(Method.PEARSON, x, y);
    }

    /** Spearman rank correlation of {@code x} and {@code y} with its t-approximation p-value. */
    public static CorrelationOutcome spearman(double[] x, double[] y) {
        requirePaired(x, y);
        return test(Method.SPEARMAN, ranks(x), ranks(y));
    }

    private static CorrelationOutcome test(Method method, double[] x, double[] y) {
        requirePaired(x, y);
        int n = x.length;
        if (n < 3) {
            return new CorrelationOutcome.Undefined(method, n, "needs at least 3 pairs, got " + n);
        }
        double mx = Arrays.stream(x).sum() / n;
        double my = Arrays.stream(y).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return new CorrelationOutcome.Undefined(method, n, "a series is constant (zero variance)");
        }
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        return new CorrelationOutcome.Test(method, r, twoSidedP(r, n), n);
    }

    /** Two-sided p-value of correlation {@code r} over {@code n} pairs (Student t, n - 2 df). */
    static double twoSidedP(double r, int n) {
        double df = n - 2;
        double oneMinus = (1 - r) * (1 + r);
        if (oneMinus <= 0) {
            return 0;
        }
        // x = df / (df + t^2) with t^2 = df r^2 / (1 - r^2) simplifies to 1 - r^2.
        return Math.max(0, Math.min(1, Beta.regularizedIncompleteBetaFunction(df / 2, 0.5, oneMinus)));
    }

    /** Ranks 1..n, ties sharing their average rank. */
    static double[] ranks(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(x[p], x[q]));
        double[] rank = new double[x.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                rank[idx[t]] = average;
            }
            i = j + 1;
        }
        return rank;
    }

    private static void requirePaired(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("correlation needs two series of equal length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("correlation inputs must be finite; pair " + i + " is ("
                        + x[i] + ", " + y[i] + ")");
            }
        }
    }
}
