package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

/**
 * TREND_JUMP: {@code metric} of the base concept's match dropped by {@code drop} = previousValue −
 * value between the consecutive checkpoints {@code previousStep} and {@code step}, reaching
 * {@code bound}, the limit of the severity tier.
 */
public record TrendJump(long step, String target, int layer, int baseConcept, Severity severity, String metric,
                        long previousStep, double previousValue, double value, double drop, double bound)
        implements Finding {
    public TrendJump {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(baseConcept, 0, "baseConcept");
        Checks.present(severity, "severity");
        Checks.text(metric, "metric");
        if (previousStep >= step) {
            throw new IllegalArgumentException("previousStep " + previousStep + " must be before step " + step);
        }
        Checks.finite(previousValue, "previousValue");
        Checks.finite(value, "value");
        Checks.finite(drop, "drop");
        Checks.finite(bound, "bound");
    }
}
