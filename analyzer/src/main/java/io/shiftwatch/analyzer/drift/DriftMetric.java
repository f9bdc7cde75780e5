package io.shiftwatch.analyzer.drift;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * The drift metrics that get a null distribution (ARCHITECTURE.md, Auditor), with how to read
 * their values out of a {@link DriftReport}: per base concept (undefined values and concepts
 * without a match or samples are skipped) or one value per report. {@link #alarmingTail()} says
 * which side of the null is suspicious.
 */
public enum DriftMetric {
    MATCH_COSINE(Tail.LOW), T_OVERLAP(Tail.LOW), IMAGE_OVERLAP(Tail.LOW),
    SHIFT_MAGNITUDE(Tail.HIGH), SHIFT_CONSISTENCY(Tail.HIGH), MEAN_COSINE_WITH_SHIFT(Tail.HIGH),
    MEAN_SAMPLE_SHIFT(Tail.HIGH), RECOVERY_COSINE(Tail.BOTH), RECOVERY_L2(Tail.BOTH),
    RECOVERY_T_OVERLAP_GAIN(Tail.BOTH), COARSE_SHIFT_MAGNITUDE(Tail.HIGH), CHECKPOINT_OVERLAP(Tail.BOTH),
    EMERGENT_CONCEPTS(Tail.HIGH);

    /** Which values are suspicious relative to the null. */
    public enum Tail { LOW, HIGH, BOTH }

    private final Tail tail;

    DriftMetric(Tail tail) {
        this.tail = tail;
    }

    /** The side of the null distribution on which a value signals drift. */
    public Tail alarmingTail() {
        return tail;
    }

    /** Values of this metric in {@code report} (finite; possibly empty). */
    public double[] valuesIn(DriftReport report) {
        List<ConceptDrift> c = report.concepts();
        return switch (this) {
            case MATCH_COSINE -> matched(c).mapToDouble(ConceptMatch.Matched::cosine).toArray();
            case T_OVERLAP -> matched(c).mapToDouble(ConceptMatch.Matched::tOverlap).toArray();
            case IMAGE_OVERLAP -> matched(c).mapToDouble(ConceptMatch.Matched::imageOverlap).toArray();
            case SHIFT_MAGNITUDE -> shifts(c).mapToDouble(ConceptShift::magnitude).toArray();
            case SHIFT_CONSISTENCY -> shifts(c).map(s -> s.consistency().meanPairwiseCosine())
                    .filter(o -> o.isPresent()).mapToDouble(o -> o.getAsDouble()).toArray();
            case MEAN_COSINE_WITH_SHIFT -> shifts(c).mapToDouble(s -> s.consistency().meanCosineWithShift()).toArray();
            case MEAN_SAMPLE_SHIFT -> shifts(c).mapToDouble(s -> s.consistency().meanSampleMagnitude()).toArray();
            case RECOVERY_COSINE -> recoveries(c).map(Recovery::cosine)
                    .filter(o -> o.isPresent()).mapToDouble(o -> o.getAsDouble()).toArray();
            case RECOVERY_L2 -> recoveries(c).map(Recovery::l2)
                    .filter(o -> o.isPresent()).mapToDouble(o -> o.getAsDouble()).toArray();
            case RECOVERY_T_OVERLAP_GAIN -> recoveries(c).mapToDouble(Recovery::tOverlapGain).toArray();
            case COARSE_SHIFT_MAGNITUDE -> one(report, r -> r.coarseShift().magnitude());
            case CHECKPOINT_OVERLAP -> one(report, DriftReport::checkpointOverlap);
            case EMERGENT_CONCEPTS -> one(report, r -> r.emergent().size());
        };
    }

    private static Stream<ConceptMatch.Matched> matched(List<ConceptDrift> c) {
        return c.stream().map(ConceptDrift::match)
                .<ConceptMatch.Matched>mapMulti((m, sink) -> {
                    if (m instanceof ConceptMatch.Matched matched) {
                        sink.accept(matched);
                    }
                });
    }

    private static Stream<ConceptShift> shifts(List<ConceptDrift> c) {
        return c.stream().map(ConceptDrift::shift)
                .<ConceptShift>mapMulti((s, sink) -> {
                    if (s instanceof ConceptShift shift) {
                        sink.accept(shift);
                    }
                });
    }

    private static Stream<Recovery> recoveries(List<ConceptDrift> c) {
        return c.stream().flatMap(d -> d.recovery().stream());
    }

    private static double[] one(DriftReport report, ToDoubleFunction<DriftReport> f) {
        return DoubleStream.of(f.applyAsDouble(report)).toArray();
    }
}
