package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Scalar operands for operations whose backward pass reads them. DJL's {@code array.mul(2f)} (and
 * {@code div}, {@code add}, ... with a {@link Number}) creates the scalar as an array over a Java
 * direct buffer that PyTorch reads in place, runs the operation and closes that array at once. The
 * autograd graph still holds the scalar tensor for the backward pass, but its memory now belongs to a
 * buffer nothing references: when a garbage collection happens between the forward and the backward
 * pass, the buffer is freed and reused, and the backward pass multiplies by whatever was written there.
 * The gradients (not the loss) then depend on the collector's timing, so the same seed gave different
 * weights in different processes. A scalar from here lives in PyTorch-allocated memory, which the
 * autograd graph keeps alive by reference count.
 */
final class EngineArrays {
    private EngineArrays() {
    }

    /** {@code value} as a 0-d float32 array in {@code manager}, its memory allocated by the engine. */
    static NDArray scalar(NDManager manager, float value) {
        try (NDArray borrowed = manager.create(value)) {
            return borrowed.duplicate();
        }
    }
}
