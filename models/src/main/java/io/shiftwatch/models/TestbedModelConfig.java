package io.shiftwatch.models;

/**
 * Architecture of the testbed VLM: a patch encoder turns a square RGB image into {@code prefixTokens}
 * prefix embeddings, followed by a pre-norm decoder-only transformer over
 * {@code <bos> prompt <sep> answer <eos>}, a final LayerNorm and an untied LM head.
 *
 * @param modelId       human-readable id written into config.json, never blank
 * @param imageSize     side of the square RGB images, pixels
 * @param prefixTokens  image prefix length P; a square number whose root divides {@code imageSize}
 * @param hiddenSize    width D of the residual stream, divisible by {@code numHeads}
 * @param numLayers     decoder blocks
 * @param numHeads      attention heads per block
 * @param mlpRatio      MLP width as a multiple of D
 * @param maxTextTokens positions available to text after the prefix (bos + prompt + sep + answer + eos)
 * @param imageEncoder  how the image becomes prefix tokens, never null; {@link ImageEncoder#CONV_STEM}
 *                      needs a patch side that is a power of two
 * @param promptAttention causal everywhere, or bidirectional over image + prompt ({@link PromptAttention#PREFIX});
 *                      never null
 */
public record TestbedModelConfig(String modelId, int imageSize, int prefixTokens, int hiddenSize, int numLayers,
                                 int numHeads, int mlpRatio, int maxTextTokens, ImageEncoder imageEncoder,
                                 PromptAttention promptAttention) {
    public TestbedModelConfig {
        if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("modelId must not be blank");
        if (imageEncoder == null) throw new IllegalArgumentException("imageEncoder must not be null");
        if (promptAttention == null) throw new IllegalArgumentException("promptAttention must not be null");
        requirePositive("imageSize", imageSize);
        requirePositive("prefixTokens", prefixTokens);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("numLayers", numLayers);
        requirePositive("numHeads", numHeads);
        requirePositive("mlpRatio", mlpRatio);
        if (maxTextTokens < 3) throw new IllegalArgumentException("maxTextTokens must be >= 3 (bos, sep, eos), got " + maxTextTokens);
        int grid = (int) Math.round(Math.sqrt(prefixTokens));
        if (grid * grid != prefixTokens)
            throw new IllegalArgumentException("prefixTokens must be a square number (a grid of patches), got " + prefixTokens);
        if (imageSize % grid != 0)
            throw new IllegalArgumentException("imageSize " + imageSize + " is not divisible by the patch grid side " + grid);
        if (hiddenSize % numHeads != 0)
            throw new IllegalArgumentException("hiddenSize " + hiddenSize + " is not divisible by numHeads " + numHeads);
        int patch = imageSize / grid;
        if (imageEncoder == ImageEncoder.CONV_STEM && (patch < 2 || Integer.bitCount(patch) != 1))
            throw new IllegalArgumentException("the conv-stem encoder needs a patch side that is a power of two >= 2, got "
                    + patch + " (imageSize " + imageSize + ", " + prefixTokens + " prefix tokens)");
    }

    /** A config with causal attention ({@link PromptAttention#CAUSAL}). */
    public TestbedModelConfig(String modelId, int imageSize, int prefixTokens, int hiddenSize, int numLayers,
                              int numHeads, int mlpRatio, int maxTextTokens, ImageEncoder imageEncoder) {
        this(modelId, imageSize, prefixTokens, hiddenSize, numLayers, numHeads, mlpRatio, maxTextTokens, imageEncoder,
                PromptAttention.CAUSAL);
    }

    /** A config with the original per-patch encoder ({@link ImageEncoder#PATCH_MLP}, config version 1). */
    public TestbedModelConfig(String modelId, int imageSize, int prefixTokens, int hiddenSize, int numLayers,
                              int numHeads, int mlpRatio, int maxTextTokens) {
        this(modelId, imageSize, prefixTokens, hiddenSize, numLayers, numHeads, mlpRatio, maxTextTokens, ImageEncoder.PATCH_MLP);
    }

    /** This config with another image encoder. */
    public TestbedModelConfig withImageEncoder(ImageEncoder encoder) {
        return new TestbedModelConfig(modelId, imageSize, prefixTokens, hiddenSize, numLayers, numHeads, mlpRatio,
                maxTextTokens, encoder, promptAttention);
    }

    /**
     * This config with square images of {@code size} pixels cut into a {@code grid} x {@code grid} patch grid, i.e.
     * grid² prefix tokens; {@code size} must be divisible by {@code grid}.
     */
    public TestbedModelConfig withImage(int size, int grid) {
        if (grid < 1 || grid > 64) throw new IllegalArgumentException("patch grid must be within 1..64, got " + grid);
        return new TestbedModelConfig(modelId, size, grid * grid, hiddenSize, numLayers, numHeads, mlpRatio,
                maxTextTokens, imageEncoder, promptAttention);
    }

    /** This config with another attention pattern. */
    public TestbedModelConfig withPromptAttention(PromptAttention attention) {
        return new TestbedModelConfig(modelId, imageSize, prefixTokens, hiddenSize, numLayers, numHeads, mlpRatio,
                maxTextTokens, imageEncoder, attention);
    }

    /** The default testbed model: 32x32 images, 16 prefix tokens, D = 128, 4 layers, 4 heads, MLP x4, 64 text positions. */
    public static TestbedModelConfig defaults(String modelId) {
        return new TestbedModelConfig(modelId, 32, 16, 128, 4, 4, 4, 64);
    }

    /** Patches per image side. */
    public int patchGrid() {
        return (int) Math.round(Math.sqrt(prefixTokens));
    }

    /** Side of one patch in pixels. */
    public int patchSize() {
        return imageSize / patchGrid();
    }

    /** Floats per flattened patch (patchSize² x 3 channels). */
    public int patchDim() {
        return patchSize() * patchSize() * 3;
    }

    /** Length of the learned positional table: prefix plus text positions. */
    public int maxPositions() {
        return prefixTokens + maxTextTokens;
    }

    public int headSize() {
        return hiddenSize / numHeads;
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
}
