package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.WorldLexicon;
import org.junit.jupiter.api.Test;

class ShortTrainingTest {
    /** A tiny model: D = 32, 2 layers, 16 prefix tokens of 32 px images. */
    static final TestbedModelConfig TINY = new TestbedModelConfig("tiny", 32, 16, 32, 2, 4, 2, 64);

    @Test
    void aShortRunLowersTheHeldOutLoss() {
        // Given
        WordVocabulary vocab = WordVocabulary.of(WorldLexicon.words());
        var train = new ExampleBatches(new TrainingExamples(new Scenario.Base(), 4, Split.TRAIN, 32, 0.5), null, 0, 16, vocab);
        TrainingBatch heldOut = ExampleBatches.toBatch(
                new TrainingExamples(new Scenario.Base(), 4, Split.HELD_OUT, 32, 0.5).stream(0, 32).toList(), vocab);

        try (TestbedTrainer trainer = TestbedModels.create(TINY, vocab, 4, BaseTraining.options(60, 3e-3))) {
            double before = trainer.evaluate(heldOut);

            // When
            BaseTraining.train(trainer, train, 60, null);

            // Then
            double after = trainer.evaluate(heldOut);
            assertTrue(after < 0.6 * before, "held-out loss " + before + " -> " + after);
        }
    }

    @Test
    void batchesAreDeterministicAndMixInTheRequestedShare() {
        // Given
        WordVocabulary vocab = WordVocabulary.of(WorldLexicon.words());
        var main = new TrainingExamples(ScenarioSpecs.parse("place-focus"), 2, Split.TRAIN, 32, 1.0);
        var base = new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 1.0);
        var batches = new ExampleBatches(main, base, 0.25, 200, vocab);

        // When
        var first = batches.examples(3);
        var again = batches.examples(3);
        long fromBase = first.stream().filter(e -> e.labels().get("scenario").equals("base")).count();

        // Then
        assertTrue(first.equals(again) || first.stream().map(e -> e.answer()).toList()
                .equals(again.stream().map(e -> e.answer()).toList()));
        assertTrue(fromBase > 25 && fromBase < 75, "base examples in a batch of 200 at mix 0.25: " + fromBase);
    }
}
