package io.shiftwatch.analyzer.concepts;

import java.util.Arrays;
import java.util.List;

/**
 * The text grounding of one vector (PAPER.md §3): the kept valid {@code words} (normalised, lower
 * case, distinct, best logit first), the vocabulary {@code tokenIds} they came from and their
 * {@code logits}; all three have the same length (at most the requested number of words, fewer
 * when the top tokens hold fewer valid words). Never null.
 */
public record GroundedWords(List<String> words, int[] tokenIds, double[] logits) {

    public GroundedWords {
        if (words == null || tokenIds == null || logits == null) {
            throw new IllegalArgumentException("words, tokenIds and logits must not be null");
        }
        if (tokenIds.length != words.size() || logits.length != words.size()) {
            throw new IllegalArgumentException("words (" + words.size() + "), tokenIds (" + tokenIds.length
                    + ") and logits (" + logits.length + ") must have the same length");
        }
        words = List.copyOf(words);
        tokenIds = tokenIds.clone();
        logits = logits.clone();
    }

    /** Value equality: same words, token ids and logits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GroundedWords g && words.equals(g.words) && Arrays.equals(tokenIds, g.tokenIds)
                && Arrays.equals(logits, g.logits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * words.hashCode() + Arrays.hashCode(tokenIds)) + Arrays.hashCode(logits);
    }

    @Override
    public String toString() {
        return "GroundedWords" + words + " logits " + Arrays.toString(logits);
    }
}
