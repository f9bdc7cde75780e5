package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.drift.ConceptDrift;
import io.shiftwatch.analyzer.drift.ConceptMatch;
import io.shiftwatch.analyzer.drift.ConceptShift;
import io.shiftwatch.analyzer.drift.DriftMetric;
import io.shiftwatch.analyzer.drift.NullCalibration;
import io.shiftwatch.analyzer.drift.NullDistribution;
import io.shiftwatch.analyzer.drift.Recovery;
import io.shiftwatch.analyzer.drift.ShiftOutcome;
import io.shiftwatch.analyzer.drift.WordWeights;
import io.shiftwatch.ingest.WordWeight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One base concept's drift flattened into plain values (PAPER.md §3-§4) — what events, JSON files and
 * database rows carry. Values that do not exist are {@link Double#NaN} here (no match: cosine and
 * overlaps; no samples: shift values; fewer than two samples: consistency; undefined recovery), and
 * {@code matchedConcept} is -1 when unmatched. {@code nullQuantiles}: ConceptDriftEvent field name (cosine, tOverlap, imageOverlap, shiftMagnitude,
 * shiftConsistency) → fraction of the base
 * model's null samples at or below this value (only for metrics with a value and a null that is not
 * {@linkplain NullDistribution#degenerate() degenerate}); {@code wordWeights}:
 * each grounding word's probability under the base and the matched concept (empty when unmatched).
 */
public record ConceptMetrics(int baseConcept, int matchedConcept, double cosine, double tOverlap, double imageOverlap,
                             int sampleCount, double shiftMagnitude, double shiftConsistency, double meanCosineWithShift,
                             double deltaNormMean, double deltaNormStd, double recoveryCosine, double recoveryL2,
                             double shiftedTOverlap, double baseTOverlap, List<String> wordsBefore,
                             List<String> wordsAfter, List<String> shiftWords, double[] shiftVector,
                             Map<String, Double> nullQuantiles, List<WordWeight> wordWeights) {

    public static ConceptMetrics of(ConceptDrift drift, NullCalibration nulls) {
        double cosine = Double.NaN, tOverlap = Double.NaN, imageOverlap = Double.NaN;
        int matched = -1;
        List<String> after = List.of();
        List<WordWeight> weights = List.of();
        if (drift.match() instanceof ConceptMatch.Matched m) {
            weights = weights(m.weights());
            matched = m.checkpointConcept();
            cosine = m.cosine();
            tOverlap = m.tOverlap();
            imageOverlap = m.imageOverlap();
            after = m.wordsAfter().words();
        }
        int samples = 0;
        double magnitude = Double.NaN, consistency = Double.NaN, meanCos = Double.NaN, normMean = Double.NaN, normStd = Double.NaN;
        double[] vector = new double[0];
        switch (drift.shift()) {
            case ConceptShift s -> {
                samples = s.samples().length;
                magnitude = s.magnitude();
                consistency = orNaN(s.consistency().meanPairwiseCosine());
                meanCos = s.consistency().meanCosineWithShift();
                normMean = s.consistency().meanSampleMagnitude();
                normStd = s.consistency().stdSampleMagnitude();
                vector = s.shiftVector();
            }
            case ShiftOutcome.NoSamples ignored -> { }
        }
        double rc = Double.NaN, rl2 = Double.NaN, shiftedT = Double.NaN, baseT = Double.NaN;
        if (drift.recovery().isPresent()) {
            Recovery r = drift.recovery().get();
            rc = orNaN(r.cosine());
            rl2 = orNaN(r.l2());
            shiftedT = r.tOverlapShifted();
            baseT = r.tOverlapBase();
        }
        Map<String, Double> q = new LinkedHashMap<>();
        quantile(q, nulls, DriftMetric.MATCH_COSINE, "cosine", cosine);
        quantile(q, nulls, DriftMetric.T_OVERLAP, "tOverlap", tOverlap);
        quantile(q, nulls, DriftMetric.IMAGE_OVERLAP, "imageOverlap", imageOverlap);
        quantile(q, nulls, DriftMetric.SHIFT_MAGNITUDE, "shiftMagnitude", magnitude);
        quantile(q, nulls, DriftMetric.SHIFT_CONSISTENCY, "shiftConsistency", consistency);
        List<String> shiftWords = drift.shiftWords().map(GroundedWords::words).orElse(List.of());
        return new ConceptMetrics(drift.baseConcept(), matched, cosine, tOverlap, imageOverlap, samples, magnitude,
                consistency, meanCos, normMean, normStd, rc, rl2, shiftedT, baseT, drift.wordsBefore().words(), after,
                shiftWords, vector, q, weights);
    }

    private static List<WordWeight> weights(WordWeights w) {
        List<WordWeight> out = new ArrayList<>(w.words().size());
        for (int i = 0; i < w.words().size(); i++) {
            out.add(new WordWeight(w.words().get(i), w.before()[i], w.after()[i]));
        }
        return out;
    }

    // Keys are the ConceptDriftEvent field names of the values, which is how the auditor looks them up.
    private static void quantile(Map<String, Double> out, NullCalibration nulls, DriftMetric metric, String field, double value) {
        NullDistribution d = nulls.distributions().get(metric);
        if (d != null && !d.degenerate() && Double.isFinite(value)) out.put(field, d.quantileOf(value));
    }

    private static double orNaN(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    /** {@code v} when finite, else {@code fallback} (events require finite numbers). */
    public static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
