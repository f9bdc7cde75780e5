package io.shiftwatch.testbed.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrainingExamplesTest {
    @Test
    void sameInputsGiveSameExamples() {
        // Given
        TrainingExamples a = new TrainingExamples(new Scenario.Base(), 3, Split.TRAIN, 32, 0.5);
        TrainingExamples b = new TrainingExamples(new Scenario.Base(), 3, Split.TRAIN, 32, 0.5);

        // When
        TrainingExample x = a.get(17), y = b.get(17);

        // Then
        assertArrayEquals(x.rgb(), y.rgb());
        assertEquals(x.prompt(), y.prompt());
        assertEquals(x.answer(), y.answer());
        assertEquals(x.labels(), y.labels());
    }

    @Test
    void heldOutNeverSharesASceneSeedWithTraining() {
        // Given
        TrainingExamples train = new TrainingExamples(new Scenario.Base(), 9, Split.TRAIN, 32, 0.5);
        TrainingExamples heldOut = new TrainingExamples(new Scenario.Base(), 9, Split.HELD_OUT, 32, 0.5);

        // When
        Set<Long> trainSeeds = new HashSet<>();
        LongStream.range(0, 50_000).forEach(i -> trainSeeds.add(train.sceneSeed(i)));

        // Then
        assertEquals(50_000, trainSeeds.size());
        LongStream.range(0, 50_000).forEach(i -> assertTrue(!trainSeeds.contains(heldOut.sceneSeed(i)), "index " + i));
    }

    @Test
    void captionFractionSetsTheMix() {
        // Given
        TrainingExamples examples = new TrainingExamples(new Scenario.Base(), 1, Split.TRAIN, 32, 0.3);

        // When
        long captions = examples.stream(0, 4_000).filter(e -> e.answerType().equals("caption")).count();

        // Then
        assertEquals(0.3, captions / 4_000.0, 0.03);
    }

    @Test
    void questionsCoverEveryAnswerType() {
        // Given
        TrainingExamples examples = new TrainingExamples(new Scenario.Base(), 1, Split.HELD_OUT, 32, 0.0);

        // When
        Set<String> types = new HashSet<>();
        examples.stream(0, 500).forEach(e -> types.add(e.answerType()));

        // Then
        assertEquals(Set.of("yes/no", "number", "colour", "other"), types);
    }
}
