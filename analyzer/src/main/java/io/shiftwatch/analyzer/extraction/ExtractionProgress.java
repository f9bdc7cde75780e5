package io.shiftwatch.analyzer.extraction;

/**
 * Listener for extraction progress: called with a human-readable stage and the fraction done in
 * [0, 1] (at 0 before the first batch, then after every batch, ending at 1). Called on the extracting
 * thread; implementations must be quick (publish, draw a bar) and must not throw.
 */
@FunctionalInterface
public interface ExtractionProgress {

    /** @param fraction in [0, 1], non-decreasing within one stage */
    void onProgress(String stage, double fraction);

    /** A listener that ignores everything. */
    static ExtractionProgress none() {
        return (stage, fraction) -> { };
    }

    /**
     * This listener seen as a part of a larger job: fraction f is reported as {@code from + f * (to - from)},
     * e.g. base extraction as 0..0.5 and checkpoint extraction as 0.5..1 of one checkpoint's progress.
     */
    default ExtractionProgress within(double from, double to) {
        if (!(0 <= from && from <= to && to <= 1))
            throw new IllegalArgumentException("progress range must satisfy 0 <= from <= to <= 1, got " + from + ".." + to);
        return (stage, fraction) -> onProgress(stage, from + fraction * (to - from));
    }
}
