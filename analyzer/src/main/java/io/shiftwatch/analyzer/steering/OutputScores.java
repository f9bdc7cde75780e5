package io.shiftwatch.analyzer.steering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-output scores, pure. A VQA answer is correct when it equals the expected answer word for word;
 * a caption scores its word recall (share of the expected caption's words, with multiplicity, that
 * the output contains), so a caption that gains one extra word keeps its score. An output is
 * repetitive (degenerate) when a token immediately repeats or a word trigram occurs twice.
 */
public final class OutputScores {
    public static final String CAPTION = "caption";

    private OutputScores() {
    }

    /** Accuracy of one output in [0, 1]; NaN when the probe has no expected answer. */
    public static double accuracy(String answerType, String expected, List<String> tokens) {
        if (expected == null) return Double.NaN;
        List<String> want = words(expected);
        if (!answerType.equals(CAPTION)) return want.equals(tokens) ? 1.0 : 0.0;
        if (want.isEmpty()) return 1.0;
        Map<String, Integer> have = new HashMap<>();
        for (String t : tokens) have.merge(t, 1, Integer::sum);
        int hit = 0;
        for (String w : want) {
            Integer n = have.get(w);
            if (n != null && n > 0) {
                hit++;
                have.put(w, n - 1);
            }
        }
        return (double) hit / want.size();
    }

    /** True when a token immediately repeats ("red red") or a trigram occurs twice. */
    public static boolean repetitive(List<String> tokens) {
        for (int i = 1; i < tokens.size(); i++) if (tokens.get(i).equals(tokens.get(i - 1))) return true;
        Set<String> trigrams = new HashSet<>();
        for (int i = 2; i < tokens.size(); i++)
            if (!trigrams.add(tokens.get(i - 2) + ' ' + tokens.get(i - 1) + ' ' + tokens.get(i))) return true;
        return false;
    }

    static List<String> words(String text) {
        String t = text.trim();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }
}
