package io.shiftwatch.auditor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Three limits that turn a number into a severity. {@link Direction#LOWER_IS_WORSE}: a value
 * strictly below {@code info} is INFO, below {@code warning} WARNING, below {@code critical}
 * CRITICAL (so info ≥ warning ≥ critical; e.g. null quantiles 0.05, 0.01, 0.001).
 * {@link Direction#HIGHER_IS_WORSE}: a value at or above the limit reaches the tier (info ≤
 * warning ≤ critical; e.g. drops 0.15, 0.3, 0.5). All limits finite.
 */
public record SeverityTiers(Direction direction, double info, double warning, double critical) {
    /** Which way a value gets worse. */
    public enum Direction { LOWER_IS_WORSE, HIGHER_IS_WORSE }

    public SeverityTiers {
        if (direction == null) {
            throw new IllegalArgumentException("direction is required");
        }
        if (!Double.isFinite(info) || !Double.isFinite(warning) || !Double.isFinite(critical)) {
            throw new IllegalArgumentException("tier limits must be finite but were " + info + ", " + warning + ", " + critical);
        }
        boolean ordered = switch (direction) {
            case LOWER_IS_WORSE -> info >= warning && warning >= critical;
            case HIGHER_IS_WORSE -> info <= warning && warning <= critical;
        };
        if (!ordered) {
            throw new IllegalArgumentException("tier limits info, warning, critical must be "
                    + (direction == Direction.LOWER_IS_WORSE ? "non-increasing" : "non-decreasing")
                    + " but were " + info + ", " + warning + ", " + critical);
        }
    }

    /** Parses "info,warning,critical", e.g. "0.05,0.01,0.001". */
    public static SeverityTiers parse(Direction direction, String text) {
        List<String> parts = Arrays.stream(text.split(",")).map(String::trim).toList();
        if (parts.size() != 3) {
            throw new IllegalArgumentException("\"" + text + "\" is not three comma-separated numbers (info,warning,critical)");
        }
        try {
            return new SeverityTiers(direction, Double.parseDouble(parts.get(0)), Double.parseDouble(parts.get(1)),
                    Double.parseDouble(parts.get(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not three comma-separated numbers (info,warning,critical)");
        }
    }

    /** The severity {@code value} reaches, empty when it stays inside every limit. */
    public Optional<Severity> classify(double value) {
        for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
            double limit = limit(severity);
            boolean reached = switch (direction) {
                case LOWER_IS_WORSE -> value < limit;
                case HIGHER_IS_WORSE -> value >= limit;
            };
            if (reached) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    public double limit(Severity severity) {
        return switch (severity) {
            case INFO -> info;
            case WARNING -> warning;
            case CRITICAL -> critical;
        };
    }

    /** "info,warning,critical", the form {@link #parse} reads. */
    public String print() {
        return info + "," + warning + "," + critical;
    }
}
