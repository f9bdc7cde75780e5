package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExample;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBatchesTest {
    private static final WordVocabulary VOCAB = WordVocabulary.of(WorldLexicon.words());

    @Test
    void eachTaskBatchIsAllCaptionsOrAllQuestionsAtTheConfiguredShare() {
        // Given
        var batches = ExampleBatches.byTask(new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 1.0),
                new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 0.0), 0.3, 8, VOCAB);

        // When
        int captionBatches = 0, steps = 400;
        for (int s = 0; s < steps; s++) {
            List<TrainingExample> b = batches.examples(s);
            long captions = b.stream().filter(e -> e.answerType().equals("caption")).count();
            assertTrue(captions == 0 || captions == b.size(), "batch " + s + " mixes " + captions + " captions into " + b.size());
            if (captions > 0) captionBatches++;
        }

        // Then
        assertEquals(0.3, captionBatches / (double) steps, 0.06);
    }

    @Test
    void taskBatchesPadQuestionsToQuestionLengthsNotCaptionLengths() {
        // Given: the same caption share, examples mixed per index vs grouped per batch
        var mixed = new ExampleBatches(new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 0.3), null, 0, 32, VOCAB);
        var grouped = ExampleBatches.byTask(new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 1.0),
                new TrainingExamples(new Scenario.Base(), 2, Split.TRAIN, 32, 0.0), 0.3, 32, VOCAB);

        // When: padded tokens per batch, averaged over 100 batches
        double mixedTokens = 0, groupedTokens = 0;
        for (int s = 0; s < 100; s++) {
            var m = mixed.batch(s);
            var g = grouped.batch(s);
            mixedTokens += m.size() * (double) m.maxLength();
            groupedTokens += g.size() * (double) g.maxLength();
        }

        // Then
        assertTrue(groupedTokens < 0.75 * mixedTokens, "padded tokens " + mixedTokens + " -> " + groupedTokens);
    }

    @Test
    void taskBatchesAreAPureFunctionOfTheStep() {
        // Given
        var a = ExampleBatches.byTask(new TrainingExamples(new Scenario.Base(), 6, Split.TRAIN, 32, 1.0),
                new TrainingExamples(new Scenario.Base(), 6, Split.TRAIN, 32, 0.0), 0.3, 4, VOCAB);
        var b = ExampleBatches.byTask(new TrainingExamples(new Scenario.Base(), 6, Split.TRAIN, 32, 1.0),
                new TrainingExamples(new Scenario.Base(), 6, Split.TRAIN, 32, 0.0), 0.3, 4, VOCAB);

        // When / Then
        for (int s : new int[] {0, 7, 123})
            assertEquals(a.examples(s).stream().map(TrainingExample::answer).toList(),
                    b.examples(s).stream().map(TrainingExample::answer).toList(), "step " + s);
    }
}
