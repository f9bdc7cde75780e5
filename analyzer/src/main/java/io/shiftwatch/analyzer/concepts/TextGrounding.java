package io.shiftwatch.analyzer.concepts;

import io.shiftwatch.analyzer.concepts.internal.WordFilter;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Text grounding (PAPER.md §3): push a vector through the unembedding, take the {@code topTokens}
 * tokens by logit (ties: lower token id first), keep the valid words (alphabetic with more than 2
 * letters and not a stop-word, or a number; tokens normalised to lower case without word-start
 * markers, a word that repeats an earlier kept word is skipped) and keep the first {@code keep}.
 * Concepts use 200 → 15, shift vectors 200 → 30. Vectors are [D] or [n, D]; the vocabulary is
 * the token list, id order, whose size V must equal the logits' width.
 */
public final class TextGrounding {

    public static final int TOP_TOKENS = 200;
    public static final int CONCEPT_WORDS = 15;
    public static final int SHIFT_WORDS = 30;

    private TextGrounding() {
    }

    /** Words of one vector {@code concept} [D]. */
    public static GroundedWords words(float[] concept, Unembedding unembedding, List<String> vocab,
                                      int topTokens, int keep) {
        return words(new float[][] {concept}, unembedding, vocab, topTokens, keep).getFirst();
    }

    /** Words of each row of {@code vectors} [n, D], with a single call to the unembedding. */
    public static List<GroundedWords> words(float[][] vectors, Unembedding unembedding, List<String> vocab,
                                            int topTokens, int keep) {
        Vectors.requireMatrix(vectors, "vectors to ground [n, D]");
        float[][] logits = unembedding.logits(vectors);
        if (logits == null || logits.length != vectors.length) {
            throw new IllegalArgumentException("the unembedding returned " + (logits == null ? "null" : logits.length)
                    + " rows of logits for " + vectors.length + " vectors");
        }
        List<GroundedWords> out = new ArrayList<>(vectors.length);
        for (float[] row : logits) {
            out.add(fromLogits(row, vocab, topTokens, keep));
        }
        return out;
    }

    /** Words from one row of logits [V] over {@code vocab} (V tokens). */
    public static GroundedWords fromLogits(float[] logits, List<String> vocab, int topTokens, int keep) {
        if (topTokens < 1 || keep < 1) {
            throw new IllegalArgumentException("topTokens and keep must be >= 1, got " + topTokens + " and " + keep);
        }
        Vectors.requireLength(logits, vocab.size(), "logits [V] (V = vocabulary size)");
        List<String> words = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int id : topTokenIds(logits, Math.min(topTokens, logits.length))) {
            Optional<String> word = WordFilter.validWord(vocab.get(id));
            if (word.isPresent() && seen.add(word.get())) {
                words.add(word.get());
                ids.add(id);
                if (words.size() == keep) {
                    break;
                }
            }
        }
        int[] tokenIds = ids.stream().mapToInt(Integer::intValue).toArray();
        double[] kept = new double[tokenIds.length];
        for (int i = 0; i < tokenIds.length; i++) {
            kept[i] = logits[tokenIds[i]];
        }
        return new GroundedWords(words, tokenIds, kept);
    }

    /** Ids of the {@code n} largest logits, largest first; ties: lower id first. */
    static int[] topTokenIds(float[] logits, int n) {
        // Min-heap of the current best n: its head is the worst kept (lowest logit, then highest id).
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (p, q) -> {
            int c = Float.compare(logits[p], logits[q]);
            return c != 0 ? c : Integer.compare(q, p);
        });
        for (int id = 0; id < logits.length; id++) {
            heap.add(id);
            if (heap.size() > n) {
                heap.poll();
            }
        }
        int[] top = new int[heap.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = heap.poll();
        }
        return top;
    }
}
