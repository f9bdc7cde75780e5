package io.shiftwatch.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the testbed VLM turns an image into its prefix tokens (see {@link TestbedModelConfig}). Both
 * produce one token [D] per grid cell, in row-major grid order.
 * <ul>
 *   <li>{@link #PATCH_MLP}: each patch on its own through Linear → GELU → Linear (format of
 *       config version 1; a cell sees only its own pixels, so an object cut by a patch border is
 *       seen as fragments);</li>
 *   <li>{@link #CONV_STEM}: a 3x3 convolution, then one stride-2 3x3 convolution per halving of the
 *       patch side, then a per-cell Linear; a cell's receptive field is about twice its patch, so
 *       every object is seen whole by at least one cell;</li>
 *   <li>{@link #PATCH_WINDOW}: each cell reads a window of 3 x 3 patches centred on its own (zeros outside the
 *       image) through one linear map (a convolution with kernel 3 patches, stride 1 patch) → GELU → Linear; like
 *       the patch MLP but an object cut by a patch border, or centred on a patch corner, is still seen whole by the
 *       cell nearest to it.</li>
 *   <li>{@link #PATCH_MLP_NORM}: the patch MLP followed by a LayerNorm and a 1/sqrt(D) scale, so image tokens
 *       enter the residual stream at the scale of the word and position embeddings (the raw MLP output grows to
 *       ~25x their norm, which leaves a patch's position a few per cent of its token).</li>
 * </ul>
 */
public enum ImageEncoder {
    PATCH_MLP("patch-mlp"), CONV_STEM("conv-stem"), PATCH_WINDOW("patch-window"), PATCH_MLP_NORM("patch-mlp-norm");

    private final String word;

    ImageEncoder(String word) {
        this.word = word;
    }

    /** Stable name used in config.json and on the command line ("patch-mlp", "conv-stem", "patch-window", "patch-mlp-norm"). */
    public String word() { return word; }

    /** The encoder named {@code word}; throws IllegalArgumentException naming the known ones. */
    public static ImageEncoder of(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (ImageEncoder e : values()) if (e.word.equals(w)) return e;
        throw new IllegalArgumentException("unknown image encoder '" + word + "'; known: "
                + Arrays.stream(values()).map(ImageEncoder::word).toList());
    }
}
