package io.shiftwatch.auditor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The metric history of one base concept (v1 store value): points in strictly ascending step
 * order, at most the trend window long. Never null; empty for a concept not seen yet.
 */
public record ConceptHistory(int schemaVersion, List<MetricPoint> points) {
    public static final int SCHEMA_VERSION = 1;

    public ConceptHistory {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        points = Checks.list(points, "points");
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).step() <= points.get(i - 1).step()) {
                throw new IllegalArgumentException("points must have strictly ascending steps");
            }
        }
    }

    public static ConceptHistory empty() {
        return new ConceptHistory(SCHEMA_VERSION, List.of());
    }

    /** This history with {@code point} added (replacing a point of the same step), keeping the last {@code keep}. */
    public ConceptHistory with(MetricPoint point, int keep) {
        List<MetricPoint> next = new ArrayList<>(points.stream().filter(p -> p.step() != point.step()).toList());
        next.add(point);
        next.sort(Comparator.comparingLong(MetricPoint::step));
        return new ConceptHistory(SCHEMA_VERSION, next.subList(Math.max(0, next.size() - keep), next.size()));
    }

    /** The points up to and including {@code step}. */
    public List<MetricPoint> upTo(long step) {
        return points.stream().filter(p -> p.step() <= step).toList();
    }
}
