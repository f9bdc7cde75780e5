package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

/**
 * One metric judged against its bound: the observed {@code value}, where the bound came from
 * ({@link Source#NULL_QUANTILE}: {@code nullQuantile} is the quantile of the value in the
 * base-vs-base null distribution and {@code limit} the quantile tier it fell below;
 * {@link Source#ABSOLUTE}: the analyzer sent no null quantile for the metric, {@code nullQuantile}
 * is null and {@code limit} is the configured absolute value the metric fell below) and the
 * {@code severity} of the tier reached. Only breaches are recorded, so severity is never null.
 */
public record BoundCheck(String metric, double value, Source source, Double nullQuantile, double limit,
                         Severity severity) {
    /** Where a bound came from. */
    public enum Source { NULL_QUANTILE, ABSOLUTE }

    public BoundCheck {
        Checks.text(metric, "metric");
        Checks.finite(value, "value");
        Checks.present(source, "source");
        Checks.present(severity, "severity");
        Checks.finite(limit, "limit");
        switch (source) {
            case NULL_QUANTILE -> {
                Checks.present(nullQuantile, "nullQuantile");
                Checks.unit(nullQuantile, "nullQuantile");
            }
            case ABSOLUTE -> {
                if (nullQuantile != null) {
                    throw new IllegalArgumentException("nullQuantile must be null for an ABSOLUTE bound");
                }
            }
        }
    }
}
