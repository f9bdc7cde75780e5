package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Position ids [B or 1, n] (int64) and additive attention mask [B or 1, 1, n, keys] for one window of
 * the sequence [image prefix][text]. Masked entries hold {@link #MASKED}: finite, so a pad query that
 * may only see itself still gets a finite (ignored) softmax.
 */
record SequenceWindow(NDArray positions, NDArray mask) {
    static final float MASKED = -1e9f;

    /** Training/plain pass: positions 0..S-1 and a causal mask over S = prefix + textLength, shared by the batch. */
    static SequenceWindow teacherForced(NDManager manager, int prefix, int textLength, int batch) {
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
