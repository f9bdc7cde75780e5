package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.ObjectWord;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExample;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.Position;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchWordsTest {
    private static final WordVocabulary VOCAB = WordVocabulary.of(WorldLexicon.words());

    @Test
    void eachObjectsWordGoesToThePatchUnderItsCentre() {
        // Given: a 48 px image with a dog on the left, a car at the top and a circle in the centre
        TrainingExample example = example(48, List.of(word("dog", Position.LEFT, 48), word("car", Position.TOP, 48),
                word("circle", Position.CENTRE, 48)));

        // When
        int[][] targets = ExampleBatches.patchTargets(List.of(example), 3, VOCAB);

        // Then: row-major 3x3 patches: top = 1, left = 3, centre = 4
        int dog = VOCAB.id("dog"), car = VOCAB.id("car"), circle = VOCAB.id("circle");
        assertArrayEquals(new int[] {-1, car, -1, dog, circle, -1, -1, -1, -1}, targets[0]);
    }

    @Test
    void aPatchHoldingTwoObjectsHasNoWord() {
        // Given: in a 2x2 grid the centre and the bottom position fall into the same patch
        TrainingExample example = example(48, List.of(word("dog", Position.CENTRE, 48), word("car", Position.BOTTOM, 48),
                word("cross", Position.LEFT, 48)));

        // When
        int[][] targets = ExampleBatches.patchTargets(List.of(example), 2, VOCAB);

        // Then
        assertArrayEquals(new int[] {-1, -1, VOCAB.id("cross"), -1}, targets[0]);
    }

    @Test
    void batchesWithPatchWordsCarryTheSameTextAsWithout() {
        // Given
        var batches = new ExampleBatches(new TrainingExamples(new Scenario.Base(), 3, Split.TRAIN, 48, 0.3), null, 0, 8, VOCAB);

        // When
        var plain = batches.batch(5);
        var withWords = batches.batchWithPatchWords(5, 3);

        // Then: same sequences, one word per drawn object (the world's positions fall into distinct patches)
        assertNull(plain.patchTargets());
        assertArrayEquals(plain.sequences(), withWords.sequences());
        int objects = batches.examples(5).stream().mapToInt(e -> e.objectWords().size()).sum();
        assertEquals(objects, withWords.patchTargetCount());
    }

    private static ObjectWord word(String word, Position p, int size) {
        return new ObjectWord(word, p.x(size), p.y(size));
    }

    private static TrainingExample example(int size, List<ObjectWord> words) {
        return new TrainingExample(size, new byte[size * size * 3], "describe the image", "x", "caption", Map.of(), words);
    }
}
