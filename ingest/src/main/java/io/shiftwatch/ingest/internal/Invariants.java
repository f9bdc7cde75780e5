package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.FieldViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks shared by the compact constructors of the event records; each names the field it checks. */
public final class Invariants {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Invariants() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw FieldViolation.missing(field);
        }
        return value;
    }

    public static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw FieldViolation.invalid(field, "must not be blank");
        }
        return value;
    }

    public static String runId(String value, String field) {
        if (!RUN_ID.matcher(present(value, field)).matches()) {
            throw FieldViolation.invalid(field, "must match " + RUN_ID.pattern() + " but was \"" + value + "\"");
        }
        return value;
    }

    public static String sha256Hex(String value, String field) {
        if (!SHA256_HEX.matcher(present(value, field)).matches()) {
            throw FieldViolation.invalid(field, "must be 64 lowercase hex digits (SHA-256) but was \"" + value + "\"");
        }
        return value;
    }

    public static String uri(String value, String field) {
        text(value, field);
        try {
            new URI(value);
        } catch (URISyntaxException e) {
            throw FieldViolation.invalid(field, "is not a valid URI: " + e.getReason());
        }
        return value;
    }

    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw FieldViolation.invalid(field, "must be >= " + min + " but was " + value);
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw FieldViolation.invalid(field, "must be a finite number but was " + value);
        }
        return value;
    }

    public static double unit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw FieldViolation.invalid(field, "must be within [0, 1] but was " + value);
        }
        return value;
    }

    public static double nonNegative(double value, String field) {
        if (!(finite(value, field) >= 0.0)) {
            throw FieldViolation.invalid(field, "must be >= 0 but was " + value);
        }
        return value;
    }

    /** Copies the list (null means empty), rejecting blank entries. */
    public static List<String> words(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** Copies the map (null means empty), rejecting blank keys and null values. */
    public static <V> Map<String, V> entries(Map<String, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((k, v) -> {
            text(k, field + " key");
            present(v, field + "." + k);
        });
        return Map.copyOf(values);
    }
}
