package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

/**
 * One sensitive word a concept took on: the {@code word}, its lexicon {@code category} (e.g.
 * gender), the list it appeared in ({@link Where#MATCHED_WORDS}: the matched concept's grounding;
 * {@link Where#SHIFT_WORDS}: the grounding of the concept's shift vector) and its 0-based
 * {@code rank} there (lists are ordered by logit, so the rank stands in for the weight).
 */
public record LexiconHit(String word, String category, Where where, int rank) {
    /** Which word list of the drift event held the word. */
    public enum Where { MATCHED_WORDS, SHIFT_WORDS }

    public LexiconHit {
        Checks.text(word, "word");
        Checks.text(category, "category");
        Checks.present(where, "where");
        Checks.atLeast(rank, 0, "rank");
    }
}
