package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.report.ConceptEvolution.ConceptPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the points of a small line plot go, shared by the SVG and the PDF renderer so both draw the
 * same picture. Coordinates are in a {@code width} x {@code height} box with y growing DOWNWARDS (SVG
 * convention; the PDF renderer flips). Steps map linearly to x over [first, last] step; values to y over
 * [0, yMax]. Missing values break the line into runs. Pure.
 */
public final class PlotGeometry {
    private PlotGeometry() {
    }

    /** A point of a plot in box coordinates. */
    public record Xy(double x, double y) {
    }

    /** The three metrics plotted per concept, with their y range ({@code yMax} 0 means "scale to the data"). */
    public enum Metric {
        T_OVERLAP("T-Overlap", 1, ConceptPoint::tOverlap),
        COSINE("cosine", 1, ConceptPoint::cosine),
        SHIFT("shift magnitude", 0, ConceptPoint::magnitude);

        public final String label;
        final double yMax;
        final Function<ConceptPoint, Double> value;

        Metric(String label, double yMax, Function<ConceptPoint, Double> value) {
            this.label = label;
            this.yMax = yMax;
            this.value = value;
        }
    }

    /** Upper end of the y axis for {@code metric} over {@code points} (at least a tiny positive number). */
    public static double yMax(Metric metric, List<ConceptPoint> points) {
        if (metric.yMax > 0) return metric.yMax;
        double max = 0;
        for (ConceptPoint p : points) {
            Double v = metric.value.apply(p);
            if (v != null && Double.isFinite(v)) max = Math.max(max, v);
        }
        return max > 0 ? max * 1.1 : 1e-9;
    }

    /** The lines of {@code metric}: consecutive measured points, each run at least one point long. */
    public static List<List<Xy>> lines(Metric metric, List<ConceptPoint> points, double width, double height) {
        double yMax = yMax(metric, points);
        List<List<Xy>> runs = new ArrayList<>();
        List<Xy> current = new ArrayList<>();
        for (ConceptPoint p : points) {
            Double v = metric.value.apply(p);
            if (v == null || !Double.isFinite(v)) {
                if (!current.isEmpty()) runs.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(new Xy(x(p.step(), points, width), height - clamp(v / yMax) * height));
        }
        if (!current.isEmpty()) runs.add(current);
        return runs;
    }

    private static double x(long step, List<ConceptPoint> points, double width) {
        long first = points.getFirst().step(), last = points.getLast().step();
        return last == first ? width / 2 : (double) (step - first) / (last - first) * width;
    }

    private static double clamp(double f) {
        return Math.max(0, Math.min(1, f));
    }
}
