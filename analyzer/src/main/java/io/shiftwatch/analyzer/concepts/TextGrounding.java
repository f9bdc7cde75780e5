package io.shiftwatch.analyzer.concepts;

import io.shiftwatch.analyzer.concepts.internal.WordFilter;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /**
     * Ids of the {@code n} largest logits, largest first; ties: lower id first. A primitive min-heap of the
     * best {@code n} so far, its worst at the root: with n much smaller than V one comparison rejects most
     * tokens (a boxed priority queue fed every id cost 2-8x the logits product at V = 150k, BENCHMARKS.md).
     */
    static int[] topTokenIds(float[] logits, int n) {
        int[] heap = new int[n];
        int size = 0;
        for (int id = 0; id < logits.length; id++) {
            if (size < n) {
                heap[size] = id;
                siftUp(heap, size++, logits);
            } else if (ranksBefore(logits, id, heap[0])) {
                heap[0] = id;
                siftDown(heap, size, logits);
            }
        }
        int[] top = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            top[i] = heap[0];
            heap[0] = heap[i];
            siftDown(heap, i, logits);
        }
        return top;
    }

    /** True when token {@code p} ranks before token {@code q}: a higher logit, or the same logit and a lower id. */
    private static boolean ranksBefore(float[] logits, int p, int q) {
        int c = Float.compare(logits[p], logits[q]);
        return c != 0 ? c > 0 : p < q;
    }

    private static void siftUp(int[] heap, int i, float[] logits) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!ranksBefore(logits, heap[parent], heap[i])) return;
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    /** Restores the heap of {@code size} entries below the root (the worst-ranked token at the root). */
    private static void siftDown(int[] heap, int size, float[] logits) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (ranksBefore(logits, heap[worst], heap[child])) worst = child;
            }
            if (worst == i) return;
            int t = heap[worst];
            heap[worst] = heap[i];
            heap[i] = t;
            i = worst;
        }
    }
}
