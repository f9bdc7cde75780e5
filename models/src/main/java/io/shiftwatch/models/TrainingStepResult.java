package io.shiftwatch.models;

/**
 * What one optimiser update did.
 *
 * @param step         number of updates done so far, including this one (1-based)
 * @param loss         mean cross-entropy (nats) over the batch's loss-mask tokens, before the update
 * @param learningRate learning rate used for this update
 * @param gradientNorm global L2 norm of the gradient before clipping
 * @param clipped      whether the gradient was rescaled to the clip norm
 */
public record TrainingStepResult(int step, double loss, double learningRate, double gradientNorm, boolean clipped) {
}
