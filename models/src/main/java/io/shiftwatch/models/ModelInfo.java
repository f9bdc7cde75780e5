package io.shiftwatch.models;

import java.util.Objects;

/**
 * Identity and shapes of a loaded model.
 *
 * @param id          human-readable model id (from its config), never blank
 * @param format      checkpoint format it was loaded from, never null
 * @param contentHash SHA-256 (hex) over the checkpoint's manifest; identical weights give identical hashes
 * @param hiddenSize  width D of the residual stream
 * @param numLayers   number of decoder blocks
 * @param vocabSize   size of the unembedding's output
 * @param imageSize   side in pixels of the square RGB images the model reads
 */
public record ModelInfo(String id, ModelFormat format, String contentHash, int hiddenSize, int numLayers,
                        int vocabSize, int imageSize) {
    public ModelInfo {
        Objects.requireNonNull(format, "format");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("model id must not be blank");
        if (contentHash == null || !contentHash.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("contentHash must be 64 lowercase hex chars, got " + contentHash);
        if (hiddenSize <= 0 || numLayers <= 0 || vocabSize <= 0 || imageSize <= 0)
            throw new IllegalArgumentException("shapes must be positive: hidden=" + hiddenSize + " layers=" + numLayers
                    + " vocab=" + vocabSize + " image=" + imageSize);
    }

    /** Layer index of the final-norm output ({@code numLayers + 1}). */
    public int finalNormLayer() {
        return numLayers + 1;
    }

    /**
     * Turns a requested layer into a concrete index: {@link ModelAdapter#FINAL_NORM} becomes
     * {@link #finalNormLayer()}; anything outside {@code 0..numLayers+1} is rejected with the valid range.
     */
    public int resolveLayer(int layer) {
        int resolved = layer == ModelAdapter.FINAL_NORM ? finalNormLayer() : layer;
        if (resolved < 0 || resolved > finalNormLayer())
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + finalNormLayer()
                    + " (0 = embeddings, " + numLayers + " = last block, " + finalNormLayer() + " = final norm) of model " + id);
        return resolved;
    }
}
