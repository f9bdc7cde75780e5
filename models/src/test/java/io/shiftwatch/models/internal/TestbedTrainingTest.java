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

    private static float[][] logits(TestbedTrainer trainer) {
        var adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());
        return adapter.trace(ToyWorld.sample(0), new int[0], Set.of(), Optional.empty()).logits();
    }
}
