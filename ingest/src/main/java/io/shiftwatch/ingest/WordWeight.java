package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.Invariants;

/**
 * How strongly one concept says one word, before and after (PAPER.md §3 grounding, with its weight):
 * the probability of {@code word} under the unembedding (softmax over the whole vocabulary) of the
 * base concept ({@code before}) and of its matched checkpoint concept ({@code after}), both in [0, 1].
 */
public record WordWeight(String word, double before, double after) {
    public WordWeight {
        Invariants.text(word, "wordWeights.word");
        Invariants.unit(before, "wordWeights.before");
        Invariants.unit(after, "wordWeights.after");
    }
}
