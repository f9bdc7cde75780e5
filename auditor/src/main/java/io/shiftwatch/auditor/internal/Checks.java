package io.shiftwatch.auditor.internal;

import java.util.List;
import java.util.Objects;

/** Invariant checks of the auditor's records; each throws IllegalArgumentException naming the field. */
public final class Checks {
    private Checks() {
    }

    public static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be non-blank text but was " + value);
        }
    }

    public static void present(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required but was null");
        }
    }

    public static void finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite but was " + value);
        }
    }

    public static void unit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be within [0, 1] but was " + value);
        }
    }

    public static void atLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + " but was " + value);
        }
    }

    /** An immutable copy of a list that may be absent (null → empty); elements must not be null. */
    public static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        values.forEach(v -> Objects.requireNonNull(v, () -> field + " must not contain null"));
        return List.copyOf(values);
    }
}
