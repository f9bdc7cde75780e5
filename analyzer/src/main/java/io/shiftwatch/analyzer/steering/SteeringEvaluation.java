package io.shiftwatch.analyzer.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured effect of one steering vector at one alpha on a probe set (PAPER.md §6 table):
 * accuracy per answer type before/after (VQA: exact answers; captions: word recall, see
 * {@link OutputScores}); {@code removed} = outputs that said the goal's source word before and not
 * after, {@code added} = outputs that say the target word after and did not before (over ALL probes,
 * like the paper's answer-change counts); {@code affected} = in-scope probes whose unsteered output said
 * the source word, {@code moved} = those of them that say the target word and no longer the source
 * word; {@code collateral} = out-of-scope probes whose output changed at all; repetition = share of
 * repetitive outputs.
 */
public record SteeringEvaluation(double alpha, Map<String, TypeAccuracy> accuracy, int removed, int added,
                                 int affected, int moved, int inScope, int outOfScope, int collateral,
                                 double repetitionBefore, double repetitionAfter) {
    public SteeringEvaluation {
        accuracy = new TreeMap<>(accuracy);
    }

    /** Accuracy of one answer type, in [0, 1] ({@code n} probes). */
    public record TypeAccuracy(int n, double before, double after) {
        /** after − before, in points (percent). */
        public double changePoints() {
            return 100 * (after - before);
        }
    }

    /**
     * Compares unsteered and steered outputs of the same probes (same order).
     *
     * @throws IllegalArgumentException when the two lists are not the same probes in the same order
     */
    public static SteeringEvaluation of(SteeringGoal goal, double alpha, List<SampleOutput> before, List<SampleOutput> after) {
        if (before.size() != after.size())
            throw new IllegalArgumentException(before.size() + " unsteered outputs but " + after.size() + " steered ones");
        int removed = 0, added = 0, affected = 0, moved = 0, inScope = 0, outOfScope = 0, collateral = 0, repB = 0, repA = 0;
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < before.size(); i++) {
            SampleOutput b = before.get(i), a = after.get(i);
            if (!b.probe().id().equals(a.probe().id()))
                throw new IllegalArgumentException("output " + i + " is probe " + b.probe().id() + " unsteered but " + a.probe().id() + " steered");
            addAccuracy(sums, b, a);
            if (b.says(goal.source()) && !a.says(goal.source())) removed++;
            if (a.says(goal.target()) && !b.says(goal.target())) added++;
            if (OutputScores.repetitive(b.tokens())) repB++;
            if (OutputScores.repetitive(a.tokens())) repA++;
            if (goal.inScope(b.probe())) {
                inScope++;
                if (b.says(goal.source())) {
                    affected++;
                    if (a.says(goal.target()) && !a.says(goal.source())) moved++;
                }
            } else {
                outOfScope++;
                if (!b.tokens().equals(a.tokens())) collateral++;
            }
        }
        Map<String, TypeAccuracy> accuracy = new TreeMap<>();
        sums.forEach((type, s) -> accuracy.put(type, new TypeAccuracy((int) s[0], s[1] / s[0], s[2] / s[0])));
        int n = Math.max(1, before.size());
        return new SteeringEvaluation(alpha, accuracy, removed, added, affected, moved, inScope, outOfScope, collateral,
                (double) repB / n, (double) repA / n);
    }

    private static void addAccuracy(Map<String, double[]> sums, SampleOutput b, SampleOutput a) {
        var sample = b.probe().sample();
        double before = OutputScores.accuracy(sample.answerType(), sample.expected(), b.tokens());
        double after = OutputScores.accuracy(sample.answerType(), sample.expected(), a.tokens());
        if (Double.isNaN(before)) return;
        double[] s = sums.computeIfAbsent(sample.answerType(), t -> new double[3]);
        s[0]++;
        s[1] += before;
        s[2] += after;
    }

    /** Share of affected probes that moved to the target word (0 when none were affected). */
    public double effect() {
        return affected == 0 ? 0 : (double) moved / affected;
    }

    /** Share of out-of-scope probes whose output changed (0 when there are none). */
    public double collateralRate() {
        return outOfScope == 0 ? 0 : (double) collateral / outOfScope;
    }

    /** Largest |accuracy change| in points among answer types other than {@code goalType} (0 when none). */
    public double otherTypesMaxChangePoints(String goalType) {
        double worst = 0;
        for (var e : accuracy.entrySet())
            if (!e.getKey().equals(goalType)) worst = Math.max(worst, Math.abs(e.getValue().changePoints()));
        return worst;
    }

    /** Answer types in a stable order. */
    public List<String> types() {
        return new ArrayList<>(accuracy.keySet());
    }
}
