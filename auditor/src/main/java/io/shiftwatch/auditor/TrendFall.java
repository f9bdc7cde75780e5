package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.util.List;

/**
 * TREND_FALL: {@code metric} (tOverlap or cosine) of the base concept's match fell strictly at
 * every one of the last {@code steps.size()} checkpoints ({@code values[i]} at {@code steps[i]},
 * ascending steps), and the total {@code drop} = first − last reached {@code bound}, the limit of
 * the severity tier. Lists have the same length, at least 2.
 */
public record TrendFall(long step, String target, int layer, int baseConcept, Severity severity, String metric,
                        List<Long> steps, List<Double> values, double drop, double bound) implements Finding {
    public TrendFall {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(baseConcept, 0, "baseConcept");
        Checks.present(severity, "severity");
        Checks.text(metric, "metric");
        steps = Checks.list(steps, "steps");
        values = Checks.list(values, "values");
        if (steps.size() < 2 || steps.size() != values.size()) {
            throw new IllegalArgumentException("steps and values must have the same length >= 2 but had "
                    + steps.size() + " and " + values.size());
        }
        Checks.finite(drop, "drop");
        Checks.finite(bound, "bound");
    }
}
