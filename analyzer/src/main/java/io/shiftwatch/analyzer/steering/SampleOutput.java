package io.shiftwatch.analyzer.steering;

import java.util.List;
import java.util.Objects;

/**
 * What a model generated for one probe, and (when captured) its residual states at the steering
 * layer at the positions that predicted each generated token.
 *
 * @param probe  the probe, never null
 * @param tokens generated tokens without the end token, never null
 * @param states [tokens.size(), hidden] or null when no layer was captured
 */
public record SampleOutput(Probe probe, List<String> tokens, float[][] states) {
    public SampleOutput {
        Objects.requireNonNull(probe, "probe");
        tokens = List.copyOf(tokens);
        if (states != null && states.length != tokens.size())
            throw new IllegalArgumentException("sample " + probe.id() + ": " + states.length + " states for "
                    + tokens.size() + " tokens");
    }

    /** The output as text, tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    /** True when {@code word} is one of the generated tokens (whole word: "red" never matches "covered"). */
    public boolean says(String word) {
        return tokens.contains(word);
    }

    /** Index of the first generated token in {@code words}, or -1. */
    public int firstOf(java.util.Set<String> words) {
        for (int i = 0; i < tokens.size(); i++) if (words.contains(tokens.get(i))) return i;
        return -1;
    }
}
