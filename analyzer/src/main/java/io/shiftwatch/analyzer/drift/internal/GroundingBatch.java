package io.shiftwatch.analyzer.drift.internal;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.concepts.TextGrounding;
import io.shiftwatch.analyzer.concepts.Unembedding;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every vector a drift analysis grounds (concepts, shifted concepts, shift vectors) so the
 * unembedding runs once per analysis rather than once per vector; each vector keeps its own number
 * of words.
 */
public final class GroundingBatch {
    private final List<float[]> vectors = new ArrayList<>();
    private final List<Integer> keep = new ArrayList<>();

    /** Adds {@code vector} [D] to ground to {@code words} words; returns its index in {@link #run}'s result. */
    public int add(float[] vector, int words) {
        vectors.add(vector);
        keep.add(words);
        return vectors.size() - 1;
    }

    /** As {@link #add(float[], int)} for a double vector. */
    public int add(double[] vector, int words) {
        return add(Vectors.toFloat(vector), words);
    }

    /** The groundings of every added vector and the full logit rows [V] they came from, in {@link #add} order. */
    public record Grounded(List<GroundedWords> words, float[][] logits) {
    }

    /** Grounds every added vector with one unembedding call. */
    public List<GroundedWords> run(Unembedding unembedding, List<String> vocab, int topTokens) {
        return runWithLogits(unembedding, vocab, topTokens).words();
    }

    /** As {@link #run}, keeping the logits (e.g. for word weights). */
    public Grounded runWithLogits(Unembedding unembedding, List<String> vocab, int topTokens) {
        if (vectors.isEmpty()) {
            return new Grounded(List.of(), new float[0][]);
        }
        float[][] logits = unembedding.logits(vectors.toArray(float[][]::new));
        if (logits == null || logits.length != vectors.size()) {
            throw new IllegalArgumentException("the unembedding returned " + (logits == null ? "null" : logits.length)
                    + " rows of logits for " + vectors.size() + " vectors");
        }
        List<GroundedWords> out = new ArrayList<>(logits.length);
        for (int i = 0; i < logits.length; i++) {
            out.add(TextGrounding.fromLogits(logits[i], vocab, topTokens, keep.get(i)));
        }
        return new Grounded(out, logits);
    }
}
