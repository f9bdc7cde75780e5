package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TrainingOptions.LossWeighting;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.WordVocabulary;

import java.util.Arrays;

/**
 * Next-token cross-entropy of a {@link TrainingBatch}: sequences are right-padded, the text position
 * of token t-1 predicts token t, and only tokens whose loss-mask entry is true count; the result is
 * the mean over those tokens (a scalar, nats). The batch is run in up to two length groups
 * ({@link LengthBuckets}) to skip padding; all arrays are created in the given batch manager.
 */
final class MaskedCrossEntropy {
    private MaskedCrossEntropy() {
    }

    /** Rejects a batch the model cannot read, naming the example and the problem. */
    static void check(TrainingBatch batch, TestbedModelConfig config, int vocabSize) {
        int bytes = config.imageSize() * config.imageSize() * 3;
        if (batch.images()[0].length != bytes)
            throw new IllegalArgumentException("training images have " + batch.images()[0].length + " bytes; the model reads "
                    + config.imageSize() + "x" + config.imageSize() + "x3 = " + bytes);
        boolean anyTarget = false;
        for (int i = 0; i < batch.size(); i++) {
            int[] seq = batch.sequences()[i];
            if (seq.length > config.maxTextTokens())
                throw new IllegalArgumentException("example " + i + " has " + seq.length + " tokens; the model has "
                        + config.maxTextTokens() + " text positions");
            for (int id : seq)
                if (id < 0 || id >= vocabSize)
                    throw new IllegalArgumentException("example " + i + ": token id " + id + " outside 0.." + (vocabSize - 1));
            for (boolean target : batch.lossMask()[i]) anyTarget |= target;
        }
        int[][] patchTargets = batch.patchTargets();
        if (patchTargets != null) {
            if (patchTargets[0].length != config.prefixTokens())
                throw new IllegalArgumentException("the batch has " + patchTargets[0].length + " patch targets per image; the model"
                        + " has " + config.prefixTokens() + " image patches");
            for (int i = 0; i < patchTargets.length; i++)
                for (int id : patchTargets[i])
                    if (id >= vocabSize)
                        throw new IllegalArgumentException("example " + i + ": patch target id " + id + " outside 0.." + (vocabSize - 1));
        }
        if (!anyTarget) throw new IllegalArgumentException("the batch has no loss-mask tokens; there is nothing to learn from");
    }

    /** Mean masked next-token loss of {@code batch} with token weighting (see {@link #loss(TestbedVlm, ParameterStore, NDManager, TrainingBatch, LossWeighting, boolean)}). */
    static NDArray loss(TestbedVlm model, ParameterStore ps, NDManager m, TrainingBatch batch, boolean training) {
        return loss(model, ps, m, batch, LossWeighting.TOKEN, training);
    }

    /**
     * Weighted mean masked next-token loss of {@code batch}: {@code -sum_i w_i sum_t log p / sum_i w_i n_i} with
     * {@code n_i} the targets of example i and {@code w_i} = 1 (TOKEN) or 1/n_i (EXAMPLE). Computed per
     * {@link LengthBuckets} group (less padding).
     */
    static NDArray loss(TestbedVlm model, ParameterStore ps, NDManager m, TrainingBatch batch, LossWeighting weighting,
                        boolean training) {
        return loss(model, ps, m, batch, weighting, 0.0, training);
    }

    /**
     * The text loss of {@link #loss(TestbedVlm, ParameterStore, NDManager, TrainingBatch, LossWeighting, boolean)} plus,
     * when {@code patchWordWeight > 0} and the batch has patch targets, {@code patchWordWeight} times the mean
     * cross-entropy of those words predicted at their patches' prefix positions (same forward pass).
     */
    static NDArray loss(TestbedVlm model, ParameterStore ps, NDManager m, TrainingBatch batch, LossWeighting weighting,
                        double patchWordWeight, boolean training) {
        int patchTargets = patchWordWeight > 0 ? batch.patchTargetCount() : 0;
        boolean patchWords = patchTargets > 0;
        int[] lengths = new int[batch.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = batch.sequences()[i].length;
        NDArray sum = null, patchSum = null;
        double totalWeight = 0;
        for (int[] group : LengthBuckets.split(lengths, model.config().prefixTokens())) {
            TrainingBatch part = subset(batch, group);
            float[] exampleWeights = new float[part.size()];
            for (int i = 0; i < part.size(); i++) {
                int targets = targets(part.lossMask()[i]);
                exampleWeights[i] = weighting == LossWeighting.TOKEN || targets == 0 ? 1f : 1f / targets;
                totalWeight += (double) exampleWeights[i] * targets;
            }
            NDArray[] parts = logLikelihoods(model, ps, m, part, exampleWeights, patchWords, training);
            sum = sum == null ? parts[0] : sum.add(parts[0]);
            if (parts[1] != null) patchSum = patchSum == null ? parts[1] : patchSum.add(parts[1]);
        }
        // An engine-owned divisor, not a Number: the backward pass reads it (EngineArrays).
        NDArray text = sum.neg().div(EngineArrays.scalar(m, (float) totalWeight));
        if (patchSum == null) return text;
        float scale = (float) (patchWordWeight / patchTargets);
        return text.sub(patchSum.mul(EngineArrays.scalar(m, scale)));
    }

    private static int targets(boolean[] mask) {
        int n = 0;
        for (boolean target : mask) if (target) n++;
        return n;
    }

    private static TrainingBatch subset(TrainingBatch batch, int[] indices) {
        if (indices.length == batch.size()) return batch;
        byte[][] images = new byte[indices.length][];
        int[][] sequences = new int[indices.length][];
        boolean[][] masks = new boolean[indices.length][];
        int[][] patchTargets = batch.patchTargets() == null ? null : new int[indices.length][];
        for (int j = 0; j < indices.length; j++) {
            images[j] = batch.images()[indices[j]];
            sequences[j] = batch.sequences()[indices[j]];
            masks[j] = batch.lossMask()[indices[j]];
            if (patchTargets != null) patchTargets[j] = batch.patchTargets()[indices[j]];
        }
        return new TrainingBatch(images, sequences, masks, patchTargets);
    }

    /**
     * Summed log-probability of the masked target tokens of {@code batch}, example i's tokens weighted by
     * {@code exampleWeights[i]} (a scalar; the batch padded to its longest sequence).
     */
    static NDArray logLikelihood(TestbedVlm model, ParameterStore ps, NDManager m, TrainingBatch batch, float[] exampleWeights,
                                 boolean training) {
        return logLikelihoods(model, ps, m, batch, exampleWeights, false, training)[0];
    }

    /**
     * {@code [text, patches]}: the weighted text log-likelihood of {@link #logLikelihood} and, with
     * {@code patchWords}, the summed log-probability of the batch's patch targets at their prefix positions
     * (null without).
     */
    private static NDArray[] logLikelihoods(TestbedVlm model, ParameterStore ps, NDManager m, TrainingBatch batch,
                                            float[] exampleWeights, boolean patchWords, boolean training) {
        TestbedModelConfig config = model.config();
        int b = batch.size();
        int t = batch.maxLength();
        int p = config.prefixTokens();
        long[] ids = new long[b * t];
        long[] targets = new long[b * (t - 1)];
        float[] weights = new float[b * (t - 1)];
        Arrays.fill(ids, WordVocabulary.PAD_ID);
        for (int i = 0; i < b; i++) {
            int[] seq = batch.sequences()[i];
            for (int j = 0; j < seq.length; j++) ids[i * t + j] = seq[j];
            for (int j = 1; j < seq.length; j++) {
                targets[i * (t - 1) + j - 1] = seq[j];
                if (batch.lossMask()[i][j]) weights[i * (t - 1) + j - 1] = exampleWeights[i];
            }
        }
        float[] patches = ImagePatches.flatten(Arrays.asList(batch.images()), config);
        var window = SequenceWindow.teacherForced(m, p, t, b, ids, config.promptAttention());
        NDArray x = model.embedImage(ps, m.create(patches, new Shape(b, p, config.patchDim())), training)
                .concat(model.embedTokens(ps, m.create(ids, new Shape(b, t)), training), 1)
                .add(model.embedPositions(ps, window.positions(), training));
        NDArray normed = ResidualStream.run(model, ps, x, window.mask(), null, null, ResidualStream.Capture.none(), training);
        NDArray predicting = normed.get(":, {}:{}, :", p, p + t - 1);
        NDArray logProbabilities = model.logits(ps, predicting, training).logSoftmax(2);
        NDArray picked = logProbabilities.gather(m.create(targets, new Shape(b, t - 1, 1)), 2).squeeze(2);
        NDArray text = picked.mul(m.create(weights, new Shape(b, t - 1))).sum();
        if (!patchWords || batch.patchTargets() == null) return new NDArray[] {text, null};
        long[] patchIds = new long[b * p];
        float[] patchWeights = new float[b * p];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < p; j++) {
                int id = batch.patchTargets()[i][j];
                patchIds[i * p + j] = Math.max(id, 0);
                patchWeights[i * p + j] = id >= 0 ? 1f : 0f;
            }
        NDArray patchLogProbabilities = model.logits(ps, normed.get(":, 0:{}, :", p), training).logSoftmax(2);
        NDArray patchPicked = patchLogProbabilities.gather(m.create(patchIds, new Shape(b, p, 1)), 2).squeeze(2);
        return new NDArray[] {text, patchPicked.mul(m.create(patchWeights, new Shape(b, p))).sum()};
    }
}
