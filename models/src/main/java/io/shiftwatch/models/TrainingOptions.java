package io.shiftwatch.models;

/**
 * Optimiser settings for training or fine-tuning the testbed VLM: Adam with a linear warm-up to
 * {@code peakLearningRate} over {@code warmupSteps}, then cosine decay to
 * {@code peakLearningRate * finalLearningRateFraction} at {@code totalSteps} (held after that), and
 * gradients rescaled so their global L2 norm is at most {@code gradientClipNorm}.
 *
 * @param peakLearningRate          > 0
 * @param warmupSteps               >= 0, <= totalSteps
 * @param totalSteps                > 0, the length of the schedule
 * @param finalLearningRateFraction in [0, 1]
 * @param weightDecay               L2 weight decay >= 0 (0 = none)
 * @param gradientClipNorm          > 0, or {@code Double.POSITIVE_INFINITY} for no clipping
 * @param lossWeighting             how the target tokens of a batch are averaged, never null
 * @param patchWordWeight           >= 0: weight of the patch-word loss (the mean cross-entropy of the words that
 *                                  name what each image patch shows, predicted at the patch's prefix position;
 *                                  see {@link TrainingBatch#patchTargets()}) added to the text loss; 0 = off
 */
public record TrainingOptions(double peakLearningRate, int warmupSteps, int totalSteps,
                              double finalLearningRateFraction, double weightDecay, double gradientClipNorm,
                              LossWeighting lossWeighting, double patchWordWeight) {
    /**
     * How a batch's loss averages its target tokens. {@code TOKEN}: every target token weighs the same, so a
     * 35-word caption outweighs a one-word answer 18 to 1. {@code EXAMPLE}: each example's tokens are
     * averaged first, then the examples, so every example weighs the same whatever its length.
     */
    public enum LossWeighting {
        TOKEN, EXAMPLE;

        /** Parses "token" or "example" (case-insensitive). */
        public static LossWeighting of(String word) {
            for (LossWeighting w : values()) if (w.name().equalsIgnoreCase(word.trim())) return w;
            throw new IllegalArgumentException("unknown loss weighting '" + word + "'; known: token, example");
        }

        /** Lower-case name ("token", "example"). */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Options without the patch-word loss. */
    public TrainingOptions(double peakLearningRate, int warmupSteps, int totalSteps, double finalLearningRateFraction,
                           double weightDecay, double gradientClipNorm, LossWeighting lossWeighting) {
        this(peakLearningRate, warmupSteps, totalSteps, finalLearningRateFraction, weightDecay, gradientClipNorm,
                lossWeighting, 0.0);
    }

    /** Options with {@link LossWeighting#TOKEN} (the original mean over all target tokens). */
    public TrainingOptions(double peakLearningRate, int warmupSteps, int totalSteps, double finalLearningRateFraction,
                           double weightDecay, double gradientClipNorm) {
        this(peakLearningRate, warmupSteps, totalSteps, finalLearningRateFraction, weightDecay, gradientClipNorm,
                LossWeighting.TOKEN);
    }

    public TrainingOptions {
        if (lossWeighting == null) throw new IllegalArgumentException("lossWeighting must not be null");
        if (!(peakLearningRate > 0) || !Double.isFinite(peakLearningRate))
            throw new IllegalArgumentException("peakLearningRate must be finite and > 0, got " + peakLearningRate);
        if (totalSteps <= 0) throw new IllegalArgumentException("totalSteps must be > 0, got " + totalSteps);
        if (warmupSteps < 0 || warmupSteps > totalSteps)
            throw new IllegalArgumentException("warmupSteps must be in 0.." + totalSteps + ", got " + warmupSteps);
        if (!(finalLearningRateFraction >= 0 && finalLearningRateFraction <= 1))
            throw new IllegalArgumentException("finalLearningRateFraction must be in [0, 1], got " + finalLearningRateFraction);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay))
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        if (!(gradientClipNorm > 0)) throw new IllegalArgumentException("gradientClipNorm must be > 0, got " + gradientClipNorm);
        if (!(patchWordWeight >= 0) || !Double.isFinite(patchWordWeight))
            throw new IllegalArgumentException("patchWordWeight must be finite and >= 0, got " + patchWordWeight);
    }

    /** Peak 1e-3, 10% warm-up, decay to 10%, no weight decay, clip at norm 1. */
    public static TrainingOptions defaults(int totalSteps) {
        return new TrainingOptions(1e-3, Math.max(1, totalSteps / 10), totalSteps, 0.1, 0.0, 1.0);
    }

    /**
     * Learning rate of update number {@code step} (0-based): linear warm-up then cosine decay.
     * Pure function of the options.
     */
    public double learningRate(int step) {
        if (step < warmupSteps) return peakLearningRate * (step + 1) / warmupSteps;
        int decaySteps = totalSteps - warmupSteps;
        double progress = decaySteps == 0 ? 1.0 : Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double floor = peakLearningRate * finalLearningRateFraction;
        return floor + (peakLearningRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
