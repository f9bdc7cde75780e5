package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

/**
 * One sensitive word a concept took on: the {@code word}, its lexicon {@code category} (e.g.
 * gender), the list it appeared in ({@link Where#MATCHED_WORDS}: the matched concept's grounding;
 * {@link Where#SHIFT_WORDS}: the grounding of the concept's shift vector) and its 0-based
 * {@code rank} there. When the drift event carried word weights, {@code before} and {@code after}
 * are the word's probabilities under the base and the matched concept and {@code relativeGain} is
 * how many times more the concept says it now, relative to the other words of its category (or,
 * alone in its category, to the concept's median word); all three are null for a hit judged from
 * the word lists alone.
 */
public record LexiconHit(String word, String category, Where where, int rank, Double before, Double after,
                         Double relativeGain) {
    /** Which word list of the drift event held the word. */
    public enum Where { MATCHED_WORDS, SHIFT_WORDS }

    public LexiconHit {
        Checks.text(word, "word");
        Checks.text(category, "category");
        Checks.present(where, "where");
        Checks.atLeast(rank, 0, "rank");
        if ((before == null) != (after == null) || (before == null) != (relativeGain == null)) {
            throw new IllegalArgumentException("before, after and relativeGain are given together or not at all");
        }
    }

    /** A hit judged from the word lists alone (no weights). */
    public LexiconHit(String word, String category, Where where, int rank) {
        this(word, category, where, rank, null, null, null);
    }

    public boolean weighed() {
        return relativeGain != null;
    }
}
