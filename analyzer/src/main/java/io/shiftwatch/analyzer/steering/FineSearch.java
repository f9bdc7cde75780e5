package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.Steering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fine-grained steering (PAPER.md §6): a K-Means dictionary over the states that predict the goal's
 * source or target word (probes of the goal's answer type), then every pair (i, j) of a concept i
 * among the {@code candidates} concepts that most often predict the source word and a concept j among
 * those that most often predict the target word is tried as {@code s_ij = u_j - u_i}, gated to
 * positions nearest to concept i, and ranked by {@link #score}: the share of affected probes moved,
 * minus the share of out-of-scope probes changed, minus the other answer types' worst accuracy change
 * (as a fraction). Deterministic (seeded K-Means, fixed pair order, ties to the lower (i, j)).
 *
 * @param dictionary K-Means configuration (K is lowered to the number of rows when larger)
 * @param candidates concepts tried on each side (> 0)
 * @param alpha      scale of every candidate (1 = the full step from u_i to u_j)
 * @param range      token range of every candidate
 */
public record FineSearch(KMeansConfig dictionary, int candidates, double alpha, Steering.TokenRange range) {
    public FineSearch {
        if (candidates <= 0) throw new IllegalArgumentException("candidates must be > 0, got " + candidates);
    }

    /** One tried pair with its measured effect on the search probes. */
    public record RankedPair(int from, int to, double score, float[] vector, SteeringEvaluation evaluation) {
    }

    /** The dictionary, how many rows of each concept predicted the source/target word, and the ranked pairs (best first). */
    public record Outcome(ConceptDictionary dictionary, int[] sourceCounts, int[] targetCounts, List<RankedPair> ranked) {
        public RankedPair best() {
            if (ranked.isEmpty()) throw new IllegalStateException("no concept pair was tried");
            return ranked.getFirst();
        }
    }

    /**
     * Ranks pairs on {@code probes} ({@code before} = their unsteered outputs, captured at {@code layer}).
     *
     * @throws IllegalArgumentException when no state predicts the source or the target word
     */
    public Outcome rank(ModelAdapter model, ProbeRunner runner, List<Probe> probes, List<SampleOutput> before,
                        SteeringGoal goal, int layer, ExtractionProgress progress) {
        var rows = PredictingStates.select(before, Set.of(goal.source(), goal.target()),
                p -> p.answerType().equals(goal.answerType()));
        if (!rows.words().contains(goal.source()) || !rows.words().contains(goal.target()))
            throw new IllegalArgumentException("fine steering needs outputs saying both '" + goal.source() + "' and '"
                    + goal.target() + "' (" + goal.answerType() + "); found " + rows.size() + " rows; no vector was computed");
        ConceptDictionary dict = KMeansDictionary.fit(rows.states(), dictionary.withK(Math.min(dictionary.k(), rows.size())));
        int[] src = new int[dict.k()], tgt = new int[dict.k()];
        for (int r = 0; r < rows.size(); r++)
            (rows.words().get(r).equals(goal.source()) ? src : tgt)[dict.assignments()[r]]++;
        List<int[]> pairs = new ArrayList<>();
        for (int i : top(src)) for (int j : top(tgt)) if (i != j) pairs.add(new int[] {i, j});
        List<RankedPair> ranked = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            int i = pairs.get(p)[0], j = pairs.get(p)[1];
            float[] s = MeanDifference.between(dict.concept(i), dict.concept(j));
            var steering = new Steering(layer, s, (float) alpha, range, Optional.of(new Steering.ConceptGate(dict.centroids(), i)));
            var after = runner.run(model, probes, Optional.empty(), Optional.of(steering), "fine search " + i + "->" + j,
                    progress.within((double) p / pairs.size(), (double) (p + 1) / pairs.size()));
            var evaluation = SteeringEvaluation.of(goal, alpha, before, after);
            ranked.add(new RankedPair(i, j, score(evaluation, goal), s, evaluation));
        }
        ranked.sort(Comparator.comparingDouble(RankedPair::score).reversed()
                .thenComparingInt(RankedPair::from).thenComparingInt(RankedPair::to));
        return new Outcome(dict, src, tgt, ranked);
    }

    /** effect − collateral rate − other types' worst |accuracy change| (fraction). */
    public static double score(SteeringEvaluation e, SteeringGoal goal) {
        return e.effect() - e.collateralRate() - e.otherTypesMaxChangePoints(goal.answerType()) / 100;
    }

    private int[] top(int[] counts) {
        Integer[] idx = new Integer[counts.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> -counts[i]).thenComparingInt(i -> i));
        return java.util.Arrays.stream(idx).filter(i -> counts[i] > 0).limit(candidates).mapToInt(Integer::intValue).toArray();
    }
}
