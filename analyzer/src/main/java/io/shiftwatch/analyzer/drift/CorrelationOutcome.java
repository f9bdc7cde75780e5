package io.shiftwatch.analyzer.drift;

/**
 * Result of a correlation test over n paired values: a {@link Test} with its coefficient and
 * two-sided p-value, or {@link Undefined} with the reason (fewer than 3 pairs, a constant series).
 */
public sealed interface CorrelationOutcome permits CorrelationOutcome.Test, CorrelationOutcome.Undefined {

    /** Which coefficient. */
    enum Method { PEARSON, SPEARMAN }

    Method method();

    /** Number of pairs used. */
    int n();

    /** Coefficient in [-1, 1] and two-sided p-value in [0, 1] (Student t with n - 2 df). */
    record Test(Method method, double coefficient, double pValue, int n) implements CorrelationOutcome {
        public Test {
            if (!(coefficient >= -1 && coefficient <= 1) || !(pValue >= 0 && pValue <= 1) || n < 3) {
                throw new IllegalArgumentException("invalid correlation test: coefficient " + coefficient
                        + ", p " + pValue + ", n " + n);
            }
        }
    }

    /** No coefficient: {@code reason} says why. */
    record Undefined(Method method, int n, String reason) implements CorrelationOutcome {
    }
}
