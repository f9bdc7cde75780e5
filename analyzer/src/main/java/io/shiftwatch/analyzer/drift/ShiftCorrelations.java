package io.shiftwatch.analyzer.drift;

import java.util.List;

/**
 * PAPER.md §4's correlations over the base concepts of one comparison that have a shift, a match
 * and defined values: shift consistency (mean pairwise cosine) vs cosine recovery, and shift
 * magnitude {@code ||Delta_k||} vs cosine recovery, each as Pearson and Spearman. Never null.
 */
public record ShiftCorrelations(CorrelationOutcome consistencyVsRecoveryPearson,
                                CorrelationOutcome consistencyVsRecoverySpearman,
                                CorrelationOutcome magnitudeVsRecoveryPearson,
                                CorrelationOutcome magnitudeVsRecoverySpearman) {

    public ShiftCorrelations {
        if (consistencyVsRecoveryPearson == null || consistencyVsRecoverySpearman == null
                || magnitudeVsRecoveryPearson == null || magnitudeVsRecoverySpearman == null) {
            throw new IllegalArgumentException("correlation outcomes must not be null");
        }
    }

    /** Correlations of {@code consistency} and {@code magnitude} with {@code recovery}, all [n]. */
    public static ShiftCorrelations of(double[] consistency, double[] magnitude, double[] recovery) {
        return new ShiftCorrelations(Correlation.pearson(consistency, recovery),
                Correlation.spearman(consistency, recovery), Correlation.pearson(magnitude, recovery),
                Correlation.spearman(magnitude, recovery));
    }

    /**
     * Correlations over the concepts of one comparison that have a {@link ConceptShift} with a
     * defined consistency and a {@link Recovery} with a defined cosine recovery.
     */
    public static ShiftCorrelations over(List<ConceptDrift> drifts) {
        List<double[]> rows = drifts.stream()
                .filter(d -> d.shift() instanceof ConceptShift s && s.consistency().meanPairwiseCosine().isPresent()
                        && d.recovery().isPresent() && d.recovery().get().cosine().isPresent())
                .map(d -> {
                    ConceptShift s = (ConceptShift) d.shift();
                    return new double[] {s.consistency().meanPairwiseCosine().getAsDouble(), s.magnitude(),
                        d.recovery().get().cosine().getAsDouble()};
                })
                .toList();
        double[] consistency = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] magnitude = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] recovery = rows.stream().mapToDouble(r -> r[2]).toArray();
        return of(consistency, magnitude, recovery);
    }
}
