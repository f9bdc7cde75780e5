package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;

/** The watched metrics of one base concept's match at checkpoint {@code step}. */
public record MetricPoint(long step, double cosine, double tOverlap) {
    public MetricPoint {
        Checks.atLeast(step, 0, "step");
        Checks.finite(cosine, "cosine");
        Checks.unit(tOverlap, "tOverlap");
    }

    /** The value of {@code metric} ("cosine" or "tOverlap"). */
    public double value(String metric) {
        return switch (metric) {
            case AuditorConfig.COSINE -> cosine;
            case AuditorConfig.T_OVERLAP -> tOverlap;
            default -> throw new IllegalArgumentException("unknown trend metric " + metric + "; expected cosine or tOverlap");
        };
    }
}
