package io.shiftwatch.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which earlier positions the testbed VLM's positions attend to (see {@link TestbedModelConfig}).
 * <ul>
 *   <li>{@link #CAUSAL}: every position sees itself and the positions before it (format of config versions
 *       1 and 2): an image cell is computed without knowing the question;</li>
 *   <li>{@link #PREFIX}: prefix-LM attention (as in PaliGemma): the image prefix and the prompt up to and
 *       including {@code <sep>} attend to one another in both directions, so a cell can compare its object
 *       with what is asked; positions after {@code <sep>} (the answer) stay causal, so generation needs no
 *       change once the prompt has been read. A text without {@code <sep>} has only the image as its prefix.</li>
 * </ul>
 */
public enum PromptAttention {
    CAUSAL("causal"), PREFIX("prefix");

    private final String word;

    PromptAttention(String word) {
        this.word = word;
    }

    /** Stable name used in config.json and on the command line ("causal", "prefix"). */
    public String word() { return word; }

    /** The attention named {@code word}; throws IllegalArgumentException naming the known ones. */
    public static PromptAttention of(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (PromptAttention a : values()) if (a.word.equals(w)) return a;
        throw new IllegalArgumentException("unknown prompt attention '" + word + "'; known: "
                + Arrays.stream(values()).map(PromptAttention::word).toList());
    }
}
