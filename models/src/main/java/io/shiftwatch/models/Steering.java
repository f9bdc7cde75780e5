package io.shiftwatch.models;

import java.util.Objects;
import java.util.Optional;

/**
 * An additive intervention on the residual stream (PAPER.md §6): at {@code layer}, add
 * {@code alpha * vector} to the hidden state of every position in {@code range}; when {@code gate} is
 * present, only at positions whose state at that layer is nearest to the gate's chosen concept.
 *
 * @param layer  layer index (ModelAdapter numbering, 0..numLayers; the final-norm output cannot be steered)
 * @param vector [hidden]
 * @param alpha  scale
 * @param range  which positions are touched
 * @param gate   fine-grained steering condition, or empty for coarse steering
 */
public record Steering(int layer, float[] vector, float alpha, TokenRange range, Optional<ConceptGate> gate) {
    public Steering {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(range, "range");
        gate = gate == null ? Optional.empty() : gate;
        if (!Float.isFinite(alpha)) throw new IllegalArgumentException("alpha must be finite, got " + alpha);
    }

    /** Which token positions a steering vector is added to. */
    public enum TokenRange {
        /** Prompt (image prefix and text) and every generated token. */
        ALL,
        /** Only positions of generated tokens (not the prompt). */
        GENERATED_ONLY,
        /** From the last prompt position on (the one predicting the first generated token). */
        FROM_LAST_PROMPT
    }

    /**
     * Fine-grained condition: apply only where the state at the steering layer is nearest (Euclidean)
     * to {@code centroids[concept]} among all centroids.
     *
     * @param centroids [K, hidden]
     * @param concept   index i of the source concept
     */
    public record ConceptGate(float[][] centroids, int concept) {
        public ConceptGate {
            if (concept < 0 || concept >= centroids.length)
                throw new IllegalArgumentException("gate concept " + concept + " outside 0.." + (centroids.length - 1));
        }
    }
}
