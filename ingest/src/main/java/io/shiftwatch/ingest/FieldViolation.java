package io.shiftwatch.ingest;

/**
 * An invariant of an event record was broken: {@link #field()} is the JSON path of the offending
 * field (e.g. {@code "checkpoint.sha256"}), {@link #problem()} says what was wrong, and
 * {@link #missing()} tells an absent value from a malformed one. Thrown by compact constructors;
 * readers turn it into an {@link ReadResult.Invalid} value.
 */
public final class FieldViolation extends IllegalArgumentException {
    private final String field;
    private final String problem;
    private final boolean missing;

    private FieldViolation(String field, String problem, boolean missing) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.missing = missing;
    }

    /** The field is absent or null. */
    public static FieldViolation missing(String field) {
        return new FieldViolation(field, "is required but was missing or null", true);
    }

    /** The field is present but its value breaks an invariant; {@code problem} reads after the field name. */
    public static FieldViolation invalid(String field, String problem) {
        return new FieldViolation(field, problem, false);
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public boolean missing() {
        return missing;
    }
}
