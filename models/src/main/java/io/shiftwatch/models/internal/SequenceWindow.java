package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.WordVocabulary;

/**
 * Position ids [B or 1, n] (int64) and additive attention mask [B or 1, 1, n, keys] for one window of
 * the sequence [image prefix][text]. Masked entries hold {@link #MASKED}: finite, so a pad query that
 * may only see itself still gets a finite (ignored) softmax.
 */
record SequenceWindow(NDArray positions, NDArray mask) {
    static final float MASKED = -1e9f;

    /**
     * Training/plain pass over right-padded text ids [batch x textLength] (row-major): positions 0..S-1
     * (S = prefix + textLength) and the mask of {@code attention}: causal [1,1,S,S] shared by the batch, or
     * prefix-LM [B,1,S,S] where image and text up to each sample's first {@code <sep>} see one another
     * (only the image when there is none) and later positions are causal.
     */
    static SequenceWindow teacherForced(NDManager manager, int prefix, int textLength, int batch, long[] ids,
                                        PromptAttention attention) {
        if (attention == PromptAttention.CAUSAL) return causal(manager, prefix, textLength);
        int s = prefix + textLength;
        long[] positions = new long[s];
        for (int q = 0; q < s; q++) positions[q] = q;
        float[] mask = new float[batch * s * s];
        for (int b = 0; b < batch; b++) {
            int end = prefixEnd(ids, b, textLength, prefix);
            for (int q = 0; q < s; q++)
                for (int k = Math.max(q + 1, q < end ? end : 0); k < s; k++) mask[(b * s + q) * s + k] = MASKED;
        }
        return new SequenceWindow(manager.create(positions, new Shape(1, s)), manager.create(mask, new Shape(batch, 1, s, s)));
    }

    /** First position after sample b's bidirectional part: just after its first {@code <sep>}, else after the image. */
    private static int prefixEnd(long[] ids, int b, int textLength, int prefix) {
        for (int t = 0; t < textLength; t++) if (ids[b * textLength + t] == WordVocabulary.SEP_ID) return prefix + t + 1;
        return prefix;
    }

    private static SequenceWindow causal(NDManager manager, int prefix, int textLength) {
        int s = prefix + textLength;
        long[] positions = new long[s];
        float[] mask = new float[s * s];
        for (int q = 0; q < s; q++) {
            positions[q] = q;
            for (int k = q + 1; k < s; k++) mask[q * s + k] = MASKED;
        }
        return new SequenceWindow(manager.create(positions, new Shape(1, s)), manager.create(mask, new Shape(1, 1, s, s)));
    }
}
