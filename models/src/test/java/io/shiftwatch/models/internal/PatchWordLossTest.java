package io.shiftwatch.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.TrainingOptions.LossWeighting;
import io.shiftwatch.models.WordVocabulary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchWordLossTest {
    private static final TestbedModelConfig CONFIG = ToyWorld.tinyConfig();
    private static final WordVocabulary VOCABULARY = ToyWorld.vocabulary();

    @Test
    void theLossAddsTheWeightedMeanCrossEntropyOfThePatchWords() {
        // Given: two examples, three patch words between them, the other patches without one
        TrainingBatch batch = batchWithPatchWords();
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = freshModel(manager);
            var ps = new ParameterStore(manager, false);

            // When
            float text = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.TOKEN, 0.0, false).getFloat();
            float withPatches = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.TOKEN, 0.5, false).getFloat();

            // Then: recomputed from the plain forward pass's logits at the prefix positions
            assertEquals(text + 0.5 * patchCrossEntropy(model, ps, manager, batch), withPatches, 1e-5);
            assertEquals(text, MaskedCrossEntropy.loss(model, ps, manager, batch, false).getFloat(), 1e-6);
        }
    }

    @Test
    void aBatchWithoutPatchWordsHasOnlyItsTextLoss() {
        TrainingBatch batch = ToyWorld.batch(VOCABULARY);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = freshModel(manager);
            var ps = new ParameterStore(manager, false);

            float off = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.TOKEN, 0.0, false).getFloat();
            float on = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.TOKEN, 2.0, false).getFloat();

            assertEquals(off, on, 0.0);
        }
    }

    @Test
    void trainingWithPatchWordsTeachesThePatchesToNameWhatTheyShow() {
        // Given
        TrainingBatch batch = batchWithPatchWords();
        TrainingOptions options = new TrainingOptions(3e-3, 3, 40, 0.1, 0.0, 1.0, LossWeighting.TOKEN, 1.0);
        try (TestbedTrainer trainer = TestbedModels.create(CONFIG, VOCABULARY, 5L, options);
             NDManager manager = NDManager.newBaseManager()) {
            var model = ((TestbedTraining) trainer).model();
            var ps = new ParameterStore(manager, false);
            double before = patchCrossEntropy(model, ps, manager, batch);

            // When
            for (int i = 0; i < 40; i++) trainer.step(batch);

            // Then
            double after = patchCrossEntropy(model, ps, manager, batch);
            assertTrue(after < before / 4, "patch-word cross-entropy " + before + " -> " + after);
        }
    }

    @Test
    void patchTargetsThatDoNotFitTheModelAreRefusedByName() {
        TrainingBatch batch = ToyWorld.batch(VOCABULARY);
        int[][] tooFew = new int[batch.size()][CONFIG.prefixTokens() - 1];
        int[][] unknownWord = new int[batch.size()][CONFIG.prefixTokens()];
        unknownWord[1][0] = VOCABULARY.size();

        var few = assertThrows(IllegalArgumentException.class,
                () -> MaskedCrossEntropy.check(batch.withPatchTargets(tooFew), CONFIG, VOCABULARY.size()));
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> MaskedCrossEntropy.check(batch.withPatchTargets(unknownWord), CONFIG, VOCABULARY.size()));
        var negative = assertThrows(IllegalArgumentException.class,
                () -> batch.withPatchTargets(new int[][] {{-2, 0}, {0, 0}, {0, 0}, {0, 0}}));

        assertTrue(few.getMessage().contains(CONFIG.prefixTokens() + " image patches"), few.getMessage());
        assertTrue(unknown.getMessage().contains("example 1"), unknown.getMessage());
        assertTrue(negative.getMessage().contains("below -1"), negative.getMessage());
    }

    private static TestbedVlm freshModel(NDManager manager) {
        var model = new TestbedVlm(CONFIG, VOCABULARY.size());
        model.initializeWeights(manager, 5L);
        return model;
    }

    /** The toy batch with "red" at patch 0 of example 0, "blue" at patches 1 and 2 of example 2, nothing else. */
    private static TrainingBatch batchWithPatchWords() {
        TrainingBatch batch = ToyWorld.batch(VOCABULARY);
        int[][] targets = new int[batch.size()][CONFIG.prefixTokens()];
        for (int[] row : targets) Arrays.fill(row, -1);
        targets[0][0] = VOCABULARY.id("red");
        targets[2][1] = VOCABULARY.id("blue");
        targets[2][2] = VOCABULARY.id("blue");
        return batch.withPatchTargets(targets);
    }

    /** Mean -log p(word) at the patch positions that have one, from the plain forward pass. */
    private static double patchCrossEntropy(TestbedVlm model, ParameterStore ps, NDManager manager, TrainingBatch batch) {
        int b = batch.size(), t = batch.maxLength(), p = CONFIG.prefixTokens();
        long[] ids = new long[b * t];
        for (int i = 0; i < b; i++) for (int j = 0; j < batch.sequences()[i].length; j++) ids[i * t + j] = batch.sequences()[i][j];
        float[] patches = ImagePatches.flatten(List.of(batch.images()), CONFIG);
        NDArray logits = model.forward(ps, new NDList(manager.create(patches, new Shape(b, p, CONFIG.patchDim())),
                manager.create(ids, new Shape(b, t))), false).head();
        float[] logProbabilities = logits.logSoftmax(2).toFloatArray();
        long v = logits.getShape().get(2), s = logits.getShape().get(1);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < b; i++)
            for (int j = 0; j < p; j++) {
                int id = batch.patchTargets()[i][j];
                if (id < 0) continue;
                sum -= logProbabilities[(int) ((i * s + j) * v + id)];
                n++;
            }
        return sum / n;
    }
}
