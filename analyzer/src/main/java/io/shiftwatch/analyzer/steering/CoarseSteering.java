package io.shiftwatch.analyzer.steering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Coarse steering vectors (PAPER.md §6): {@code s_c = mean(b over B) - mean(a over A)} at one layer.
 * Two ways to choose A and B: two answer subsets of one model, or a reference model (e.g. the base)
 * against the model to steer (e.g. a checkpoint) on the same probes. Pure over captured outputs.
 */
public final class CoarseSteering {
    private CoarseSteering() {
    }

    /** The vector and how many rows each side had. */
    public record Result(float[] vector, int sourceRows, int targetRows) {
    }

    /**
     * A = states predicting {@code goal.source()}, B = states predicting {@code goal.target()}, over the
     * outputs of probes with the goal's answer type (scope labels are not applied: the target side of a
     * scoped goal is usually empty).
     *
     * @throws IllegalArgumentException when either side has no rows (the message says which word was never said)
     */
    public static Result byAnswers(List<SampleOutput> outputs, SteeringGoal goal) {
        Predicate<Probe> type = p -> p.answerType().equals(goal.answerType());
        var source = PredictingStates.select(outputs, Set.of(goal.source()), type);
        var target = PredictingStates.select(outputs, Set.of(goal.target()), type);
        requireRows(source.size(), goal.source(), goal.answerType());
        requireRows(target.size(), goal.target(), goal.answerType());
        return new Result(MeanDifference.of(source.states(), target.states()), source.size(), target.size());
    }

    /**
     * A = the steered model's states, B = the reference model's states, both predicting one of
     * {@code words}, over probes passing {@code filter} where BOTH outputs contain such a word
     * (PAPER.md §1: only samples where both models produce the token).
     */
    public static Result byModels(List<SampleOutput> steered, List<SampleOutput> reference, Set<String> words,
                                  Predicate<Probe> filter) {
        var a = PredictingStates.select(steered, words, filter);
        var b = PredictingStates.select(reference, words, filter);
        Map<String, Integer> inB = new HashMap<>();
        for (int i = 0; i < b.size(); i++) inB.put(b.probeIds().get(i), i);
        List<float[]> rowsA = new java.util.ArrayList<>(), rowsB = new java.util.ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Integer j = inB.get(a.probeIds().get(i));
            if (j == null) continue;
            rowsA.add(a.states()[i]);
            rowsB.add(b.states()[j]);
        }
        if (rowsA.isEmpty())
            throw new IllegalArgumentException("no probe in scope has one of " + words + " in the outputs of both models;"
                    + " no vector was computed");
        return new Result(MeanDifference.of(rowsA.toArray(float[][]::new), rowsB.toArray(float[][]::new)), rowsA.size(), rowsB.size());
    }

    private static void requireRows(int rows, String word, String type) {
        if (rows == 0)
            throw new IllegalArgumentException("no " + type + " output says '" + word + "'; a coarse vector needs states"
                    + " on both sides — use more probes or another word; no vector was computed");
    }
}
