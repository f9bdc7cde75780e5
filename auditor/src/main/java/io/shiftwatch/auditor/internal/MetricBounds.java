package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.BoundCheck;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.SeverityTiers;

import java.util.Map;
import java.util.Optional;

/** Judges a lower-is-worse metric against its calibrated bound, falling back to an absolute one. */
public final class MetricBounds {
    private MetricBounds() {
    }

    /**
     * The breach of {@code metric} = {@code value}, empty when inside its bound. When
     * {@code nullQuantiles} holds the metric, its quantile q in the base-vs-base null is classified
     * by {@code quantileTiers} (q below the tier's quantile reaches it); otherwise {@code value}
     * itself is classified by {@code absolute}, and the check says its source was ABSOLUTE.
     */
    public static Optional<BoundCheck> judge(Map<String, Double> nullQuantiles, String metric, double value,
                                             SeverityTiers quantileTiers, SeverityTiers absolute) {
        Double quantile = nullQuantiles.get(metric);
        if (quantile != null) {
            return quantileTiers.classify(quantile).map(severity -> new BoundCheck(metric, value,
                    BoundCheck.Source.NULL_QUANTILE, quantile, quantileTiers.limit(severity), severity));
        }
        return absolute.classify(value).map(severity -> new BoundCheck(metric, value, BoundCheck.Source.ABSOLUTE,
                null, absolute.limit(severity), severity));
    }

    /** The lower of two severities (both conditions must hold, so the weaker one sets the tier). */
    public static Severity lower(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
