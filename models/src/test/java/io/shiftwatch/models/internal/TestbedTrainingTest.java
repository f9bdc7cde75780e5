package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingStepResult;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestbedTrainingTest {

    @Test
    void thirtyStepsOnAMemorisableToySetLowerTheLossClearly() {
        // Given
        var vocabulary = ToyWorld.vocabulary();
        var batch = ToyWorld.batch(vocabulary);
        try (TestbedTrainer trainer = TestbedModels.create(ToyWorld.tinyConfig(), vocabulary, 11L, ToyWorld.options(30))) {
            double before = trainer.evaluate(batch);

            // When
            TrainingStepResult last = null;
            for (int i = 0; i < 30; i++) last = trainer.step(batch);
            double after = trainer.evaluate(batch);

            // Then
            assertEquals(30, last.step());
            assertTrue(after < 0.3 * before, "loss went from " + before + " to " + after);
        }
    }

    @Test
    void everyUpdateStartsFromEmptyGradientBuffers() {
        // Given a trainer that has made one update (PyTorch adds each backward pass into the buffers)
        var vocabulary = ToyWorld.vocabulary();
        var batch = ToyWorld.batch(vocabulary);
        try (var trainer = (TestbedTraining) TestbedModels.create(ToyWorld.tinyConfig(), vocabulary, 11L,
                ToyWorld.options(3))) {
            double firstNorm = trainer.step(batch).gradientNorm();

            // When the same batch is seen again with the same weights' neighbourhood
            double buffersBetween = trainer.gradientSquaredSum();
            double secondNorm = trainer.step(batch).gradientNorm();

            // Then nothing was carried over: the buffers were empty and the second norm is not the sum of two
            assertEquals(0.0, buffersBetween);
            assertTrue(secondNorm < 1.5 * firstNorm, "norms " + firstNorm + " then " + secondNorm);
        }
    }

    @Test
    void theSameSeedGivesIdenticalLogitsAndAnotherSeedDoesNot() {
        // Given
        var config = ToyWorld.tinyConfig();
        var vocabulary = ToyWorld.vocabulary();
        try (var a = TestbedModels.create(config, vocabulary, 5L, ToyWorld.options(1));
             var b = TestbedModels.create(config, vocabulary, 5L, ToyWorld.options(1));
             var c = TestbedModels.create(config, vocabulary, 6L, ToyWorld.options(1))) {

            // When
            float[][] logitsA = logits(a);
            float[][] logitsB = logits(b);
            float[][] logitsC = logits(c);

            // Then
            for (int i = 0; i < logitsA.length; i++) assertArrayEquals(logitsA[i], logitsB[i]);
            assertFalse(java.util.Arrays.equals(logitsA[0], logitsC[0]));
        }
    }

    @Test
    void theKvCacheGeneratesWhatFullRecomputationGenerates() {
        // Given
        try (var trainer = TestbedModels.create(ToyWorld.tinyConfig(), ToyWorld.vocabulary(), 3L, ToyWorld.options(1));
             var adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults())) {
            var samples = ToyWorld.samples();
            var layers = Set.of(0, 2, 3);

            // When
            var cached = adapter.decoder(true).generate(samples, 8, layers, Optional.empty());
            var recomputed = adapter.decoder(false).generate(samples, 8, layers, Optional.empty());

            // Then
            for (int i = 0; i < samples.size(); i++) {
                assertArrayEquals(recomputed.get(i).tokenIds(), cached.get(i).tokenIds());
                for (int layer : layers)
                    TestbedAdapterTest.assertClose(recomputed.get(i).predictingStates().get(layer),
                            cached.get(i).predictingStates().get(layer), 1e-4);
            }
        }
    }

    @Test
    void aTrainedToyModelAnswersWithTheColourItSees() {
        // Given
        var vocabulary = ToyWorld.vocabulary();
        var batch = ToyWorld.batch(vocabulary);
        try (TestbedTrainer trainer = TestbedModels.create(ToyWorld.tinyConfig(), vocabulary, 11L, ToyWorld.options(60))) {
            for (int i = 0; i < 60; i++) trainer.step(batch);

            // When
            var answers = trainer.adapter(AdapterOptions.defaults()).generate(ToyWorld.samples(), GenerationRequest.plain(3));

            // Then
            for (int c = 0; c < ToyWorld.COLOURS.size(); c++) assertEquals(ToyWorld.COLOURS.get(c), answers.get(c).text());
        }
    }

    @Test
    void trainingStepsLeaveNoArraysBehind() {
        // Given
        var vocabulary = ToyWorld.vocabulary();
        var batch = ToyWorld.batch(vocabulary);
        try (var trainer = (TestbedTraining) TestbedModels.create(ToyWorld.tinyConfig(), vocabulary, 4L, ToyWorld.options(20))) {
            trainer.step(batch);
            int afterFirstStep = trainer.liveArrays();

            // When
            for (int i = 0; i < 10; i++) trainer.step(batch);
            trainer.evaluate(batch);

            // Then
            assertEquals(afterFirstStep, trainer.liveArrays());
        }
    }

    @Test
    void generationLeavesNoArraysBehind() {
        // Given
        try (var trainer = (TestbedTraining) TestbedModels.create(ToyWorld.tinyConfig(), ToyWorld.vocabulary(), 4L, ToyWorld.options(1));
             var adapter = trainer.adapter(AdapterOptions.defaults())) {
            int before = trainer.liveArrays();

            // When
            adapter.generate(ToyWorld.samples(), new GenerationRequest(5, Set.of(1), Optional.empty()));
            adapter.unembed(new float[][] {new float[ToyWorld.tinyConfig().hiddenSize()]}, 1);

            // Then
            assertEquals(before, trainer.liveArrays());
        }
    }

    @Test
    void thePlainBlockForwardGivesTheSameLogitsAsTheSteerableStream() {
        // Given
        var config = ToyWorld.tinyConfig();
        var vocabulary = ToyWorld.vocabulary();
        int[] seq = vocabulary.sequence(ToyWorld.PROMPT, null);
        long[] ids = java.util.Arrays.stream(seq).asLongStream().toArray();
        float[] patches = ImagePatches.flatten(java.util.List.of(ToyWorld.image(2, 16)), config);
        try (var trainer = (TestbedTraining) TestbedModels.create(config, vocabulary, 9L, ToyWorld.options(1));
             var m = ai.djl.ndarray.NDManager.newBaseManager()) {
            float[][] expected = logits(trainer);
            var inputs = new ai.djl.ndarray.NDList(m.create(patches, new ai.djl.ndarray.types.Shape(1, 4, config.patchDim())),
                    m.create(ids, new ai.djl.ndarray.types.Shape(1, seq.length)));

            // When
            float[] actual = trainer.model().forward(new ai.djl.training.ParameterStore(m, false), inputs, false)
                    .head().toFloatArray();

            // Then
            int v = vocabulary.size();
            for (int pos = 0; pos < expected.length; pos++)
                assertArrayEquals(expected[pos], java.util.Arrays.copyOfRange(actual, pos * v, (pos + 1) * v), 1e-5f);
        }
    }

    private static float[][] logits(TestbedTrainer trainer) {
        var adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());
        return adapter.trace(new io.shiftwatch.models.ProbeSample("x", 16, ToyWorld.image(2, 16), ToyWorld.PROMPT, null, "colour"), new int[0], Set.of(), Optional.empty()).logits();
    }

    @Test
    void anOverflowedGradientIsSkippedOnceAndDoesNotPoisonTheNextUpdate() {
        // Given: a trainer whose gradients overflowed to Infinity in the last backward pass
        var batch = ToyWorld.batch(ToyWorld.vocabulary());
        try (var trainer = (TestbedTraining) TestbedModels.create(ToyWorld.tinyConfig(), ToyWorld.vocabulary(), 4L, ToyWorld.options(5))) {
            trainer.step(batch);
            for (var p : trainer.model().getParameters()) p.getValue().getArray().getGradient().addi(Float.POSITIVE_INFINITY);

            // When
            TrainingStepResult poisoned = trainer.step(batch);
            TrainingStepResult next = trainer.step(batch);

            // Then: DJL's g - g zeroing made the Infinity a NaN once; the skip cleared it
            assertFalse(Double.isFinite(poisoned.gradientNorm()), "norm " + poisoned.gradientNorm());
            assertTrue(Double.isFinite(next.gradientNorm()), "norm " + next.gradientNorm());
        }
    }
}
