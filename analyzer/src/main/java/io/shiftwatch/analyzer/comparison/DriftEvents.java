package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.analyzer.drift.Correlation;
import io.shiftwatch.analyzer.drift.CorrelationOutcome;
import io.shiftwatch.analyzer.drift.EmergentConcept;
import io.shiftwatch.ingest.AnalysisSummary;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a comparison to the events the auditor consumes: one {@link ConceptDriftEvent} per base
 * concept per (target, layer) plus one per emergent checkpoint concept, and the checkpoint's
 * {@link AnalysisSummary}; a {@link LostTarget} gives one unmatched event per base concept. Values that do not exist (no match, no samples) are sent as 0 with
 * {@code matchedConcept = -1} or {@code sampleCount = 0} saying why; ids are deterministic.
 */
public final class DriftEvents {
    private DriftEvents() {
    }

    public static List<ConceptDriftEvent> of(CheckpointEvent event, ComparisonOutcome.Compared compared, String configHash) {
        List<ConceptDriftEvent> out = new ArrayList<>();
        for (TargetComparison t : compared.targets()) {
            List<String> coarse = t.report().coarseShift().words().words();
            for (var drift : t.report().concepts()) {
                ConceptMetrics m = ConceptMetrics.of(drift, t.nullCalibration());
                out.add(new ConceptDriftEvent(ConceptDriftEvent.SCHEMA_VERSION,
                        ConceptDriftEvent.computeEventId(event.runId(), event.step(), t.target(), t.layer(), m.baseConcept(),
                                m.matchedConcept(), false, configHash),
                        event.runId(), event.step(), event.eventId(), t.target(), t.layer(), configHash, m.baseConcept(),
                        m.matchedConcept(), z(m.cosine()), unit(m.tOverlap()), unit(m.imageOverlap()), z(m.shiftMagnitude()),
                        z(m.shiftConsistency()), z(m.recoveryCosine()), z(m.recoveryL2()), unit(m.shiftedTOverlap()),
                        unit(m.baseTOverlap()), m.wordsBefore(), m.wordsAfter(), m.shiftWords(), coarse, m.sampleCount(),
                        m.nullQuantiles(), false, m.wordWeights()));
            }
            for (EmergentConcept e : t.report().emergent()) {
                out.add(new ConceptDriftEvent(ConceptDriftEvent.SCHEMA_VERSION,
                        ConceptDriftEvent.computeEventId(event.runId(), event.step(), t.target(), t.layer(),
                                ConceptDriftEvent.NO_CONCEPT, e.checkpointConcept(), true, configHash),
                        event.runId(), event.step(), event.eventId(), t.target(), t.layer(), configHash,
                        ConceptDriftEvent.NO_CONCEPT, e.checkpointConcept(), z(e.bestBaseCosine()), 0, 0, 0, 0, 0, 0, 0, 0,
                        List.of(), e.words().words(), List.of(), coarse, e.size(), Map.of(), true, List.of()));
            }
        }
        for (LostTarget lost : compared.lost()) {
            for (int k = 0; k < lost.effectiveK(); k++) {
                // Nothing can match: the checkpoint no longer produces the target (metrics 0 by the unmatched convention).
                out.add(new ConceptDriftEvent(ConceptDriftEvent.SCHEMA_VERSION,
                        ConceptDriftEvent.computeEventId(event.runId(), event.step(), lost.target(), lost.layer(), k,
                                ConceptDriftEvent.NO_CONCEPT, false, configHash),
                        event.runId(), event.step(), event.eventId(), lost.target(), lost.layer(), configHash, k,
                        ConceptDriftEvent.NO_CONCEPT, 0, 0, 0, 0, 0, 0, 0, 0, 0, lost.baseWords().get(k), List.of(),
                        List.of(), List.of(), lost.pairedSamples(), Map.of(), false, List.of()));
            }
        }
        return out;
    }

    public static AnalysisSummary summary(CheckpointEvent event, ComparisonOutcome.Compared compared, String configHash,
                                          Map<String, Long> stageMillis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> targets = new ArrayList<>();
        List<ConceptMetrics> all = new ArrayList<>();
        List<String> coarseWords = new ArrayList<>();
        for (TargetComparison t : compared.targets()) {
            counts.put(t.target() + "@" + t.layer(), t.report().checkpointDictionary().k());
            if (!targets.contains(t.target())) targets.add(t.target());
            t.report().concepts().forEach(d -> all.add(ConceptMetrics.of(d, t.nullCalibration())));
            t.report().coarseShift().words().words().stream().filter(w -> !coarseWords.contains(w)).forEach(coarseWords::add);
        }
        List<AnalysisSummary.Correlation> correlations = new ArrayList<>();
        correlation("shift_consistency", all.stream().mapToDouble(ConceptMetrics::shiftConsistency).toArray(), all)
                .ifPresent(correlations::add);
        correlation("shift_magnitude", all.stream().mapToDouble(ConceptMetrics::shiftMagnitude).toArray(), all)
                .ifPresent(correlations::add);
        return new AnalysisSummary(AnalysisSummary.SCHEMA_VERSION,
                AnalysisSummary.computeEventId(event.runId(), event.step(), event.eventId(), configHash), event.runId(),
                event.step(), event.eventId(), AnalysisSummary.Status.ANALYSED, null, targets, stageMillis, counts,
                correlations, coarseWords, configHash,
                new AnalysisSummary.ModelHashes(compared.baseModelHash(), compared.checkpointHash()), compared.probeSetHash());
    }

    /** Pearson and Spearman of {@code x} against cosine recovery over the concepts where both are defined. */
    static Optional<AnalysisSummary.Correlation> correlation(String name, double[] x, List<ConceptMetrics> all) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++)
            if (Double.isFinite(x[i]) && Double.isFinite(all.get(i).recoveryCosine()))
                rows.add(new double[] {x[i], all.get(i).recoveryCosine()});
        double[] xs = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] ys = rows.stream().mapToDouble(r -> r[1]).toArray();
        if (!(Correlation.pearson(xs, ys) instanceof CorrelationOutcome.Test p)
                || !(Correlation.spearman(xs, ys) instanceof CorrelationOutcome.Test s)) return Optional.empty();
        return Optional.of(new AnalysisSummary.Correlation(name, "recovery_cosine", p.coefficient(), p.pValue(),
                s.coefficient(), s.pValue(), p.n()));
    }

    private static double z(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }

    private static double unit(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0.0;
    }
}
