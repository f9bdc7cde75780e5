package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.ModelAdapter;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to extract: target tokens, layers (ModelAdapter numbering: 0 = embeddings, l = after block l,
 * {@link ModelAdapter#FINAL_NORM} = -1 for the final-norm output), the generation budget, the batch
 * size and the position rule. Targets and layers are sets: they are de-duplicated and kept sorted, so
 * two requests naming the same sets in another order are equal (and share cache entries).
 *
 * @param targets      single words (letters and digits only), sorted, never empty
 * @param layers       layer numbers >= -1, sorted, never empty; checked against the model at extraction
 * @param maxNewTokens greedy generation stops at the end token or after this many tokens (> 0)
 * @param batchSize    samples per {@code generate} call and progress report (> 0); not part of any cache key
 * @param positionRule where in the output the state is read, never null
 */
public record ExtractionRequest(List<String> targets, List<Integer> layers, int maxNewTokens, int batchSize,
                                PositionRule positionRule) {
    private static final Pattern SINGLE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public ExtractionRequest {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(positionRule, "positionRule");
        if (targets.isEmpty()) throw new IllegalArgumentException("an extraction needs at least one target token");
        if (layers.isEmpty()) throw new IllegalArgumentException("an extraction needs at least one layer");
        for (String t : targets) requireSingleWord(t);
        for (Integer l : layers)
            if (l == null || l < ModelAdapter.FINAL_NORM)
                throw new IllegalArgumentException("layer " + l + " is not a layer: use 0..numLayers+1, or -1 for the final norm");
        if (maxNewTokens <= 0) throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        targets = List.copyOf(new TreeSet<>(targets));
        layers = List.copyOf(new TreeSet<>(layers));
    }

    /** A request with the paper's position rule ({@link PositionRule#FIRST_PREDICTING_POSITION}). */
    public static ExtractionRequest of(Collection<String> targets, Collection<Integer> layers, int maxNewTokens, int batchSize) {
        return new ExtractionRequest(List.copyOf(targets), List.copyOf(layers), maxNewTokens, batchSize,
                PositionRule.FIRST_PREDICTING_POSITION);
    }

    /** The same request with another batch size (results do not depend on it). */
    public ExtractionRequest withBatchSize(int size) {
        return new ExtractionRequest(targets, layers, maxNewTokens, size, positionRule);
    }

    private static void requireSingleWord(String target) {
        if (target == null || !SINGLE_WORD.matcher(target).matches())
            throw new IllegalArgumentException("target '" + target + "' is not a single word (letters and digits only):"
                    + " a concept is read at the position predicting ONE generated token, so give each word as its own target");
    }
}
