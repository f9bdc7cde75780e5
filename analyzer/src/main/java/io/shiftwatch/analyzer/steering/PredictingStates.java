package io.shiftwatch.analyzer.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rows picked from captured outputs (PAPER.md §1): for each output whose tokens contain one of
 * {@code words}, the state that predicted the first such token. Pure.
 *
 * @param probeIds ids of the picked probes, in output order
 * @param words    the token each row predicts
 * @param states   [n, D]
 */
public record PredictingStates(List<String> probeIds, List<String> words, float[][] states) {
    public PredictingStates {
        probeIds = List.copyOf(probeIds);
        words = List.copyOf(words);
        if (probeIds.size() != states.length || words.size() != states.length)
            throw new IllegalArgumentException(probeIds.size() + " ids, " + words.size() + " words, " + states.length + " states");
    }

    /** The states predicting the first of {@code words} in every output that passes {@code filter}. */
    public static PredictingStates select(List<SampleOutput> outputs, Set<String> words, Predicate<Probe> filter) {
        List<String> ids = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (SampleOutput o : outputs) {
            if (!filter.test(o.probe())) continue;
            int at = o.firstOf(words);
            if (at < 0) continue;
            if (o.states() == null)
                throw new IllegalArgumentException("probe " + o.probe().id() + " was run without capturing a layer");
            ids.add(o.probe().id());
            said.add(o.tokens().get(at));
            rows.add(o.states()[at]);
        }
        return new PredictingStates(ids, said, rows.toArray(float[][]::new));
    }

    public int size() {
        return states.length;
    }
}
