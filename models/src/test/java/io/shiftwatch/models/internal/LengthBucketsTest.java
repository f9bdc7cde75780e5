package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions.LossWeighting;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LengthBucketsTest {

    @Test
    void shortQuestionsAndLongCaptionsArePaddedSeparately() {
        // Given: questions of 10-12 tokens mixed with two 40-token captions
        int[] lengths = {10, 40, 12, 11, 10, 40, 12};

        // When
        int[][] groups = LengthBuckets.split(lengths, 16);

        // Then
        assertArrayEquals(new int[][] {{0, 2, 3, 4, 6}, {1, 5}}, groups);
    }

    @Test
    void aBatchOfEqualLengthsStaysWhole() {
        assertArrayEquals(new int[][] {{0, 1, 2}}, LengthBuckets.split(new int[] {9, 9, 9}, 16));
        assertArrayEquals(new int[][] {{0}}, LengthBuckets.split(new int[] {30}, 16));
    }

    @Test
    void everyExampleIsInExactlyOneGroup() {
        int[] lengths = IntStream.range(0, 32).map(i -> 5 + (i * 7919) % 41).toArray();

        int[] all = Arrays.stream(LengthBuckets.split(lengths, 16)).flatMapToInt(Arrays::stream).sorted().toArray();

        assertArrayEquals(IntStream.range(0, 32).toArray(), all);
    }

    @Test
    void theGroupedLossEqualsTheLossOfTheWholePaddedBatch() {
        // Given: a batch mixing a short and a long sequence (the long one pads the short one when run whole)
        var vocabulary = ToyWorld.vocabulary();
        int[][] sequences = {vocabulary.sequence(ToyWorld.PROMPT, "red"),
                vocabulary.sequence(ToyWorld.PROMPT, "green is a colour a shape the green shape is green"),
                vocabulary.sequence(ToyWorld.PROMPT, "blue")};
        var batch = TrainingBatch.of(new byte[][] {ToyWorld.image(0, 16), ToyWorld.image(1, 16), ToyWorld.image(2, 16)}, sequences);
        assertEquals(2, LengthBuckets.split(new int[] {sequences[0].length, sequences[1].length, sequences[2].length}, 4).length);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = new TestbedVlm(ToyWorld.tinyConfig(), vocabulary.size());
            model.initializeWeights(manager, 5L);
            var ps = new ParameterStore(manager, false);
            double targets = 1 + 1 + 11 + 1 + 1 + 1;

            // When
            float grouped = MaskedCrossEntropy.loss(model, ps, manager, batch, false).getFloat();
            float whole = MaskedCrossEntropy.logLikelihood(model, ps, manager, batch, new float[] {1, 1, 1}, false).neg().getFloat() / (float) targets;

            // Then
            assertEquals(whole, grouped, 1e-5);
        }
    }

    @Test
    void exampleWeightingAveragesEachExampleFirst() {
        // Given: a one-word answer and an eleven-word answer
        var vocabulary = ToyWorld.vocabulary();
        byte[][] images = {ToyWorld.image(0, 16), ToyWorld.image(1, 16)};
        int[][] sequences = {vocabulary.sequence(ToyWorld.PROMPT, "red"),
                vocabulary.sequence(ToyWorld.PROMPT, "green is a colour a shape the green shape is green")};
        var batch = TrainingBatch.of(images, sequences);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = new TestbedVlm(ToyWorld.tinyConfig(), vocabulary.size());
            model.initializeWeights(manager, 5L);
            var ps = new ParameterStore(manager, false);
            float first = MaskedCrossEntropy.loss(model, ps, manager, TrainingBatch.of(new byte[][] {images[0]},
                    new int[][] {sequences[0]}), false).getFloat();
            float second = MaskedCrossEntropy.loss(model, ps, manager, TrainingBatch.of(new byte[][] {images[1]},
                    new int[][] {sequences[1]}), false).getFloat();

            // When
            float byExample = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.EXAMPLE, false).getFloat();
            float byToken = MaskedCrossEntropy.loss(model, ps, manager, batch, LossWeighting.TOKEN, false).getFloat();

            // Then: the mean of the two example means, not the token mean (2 vs 12 targets)
            assertEquals((first + second) / 2, byExample, 1e-5);
            assertEquals((2 * first + 12 * second) / 14, byToken, 1e-5);
        }
    }
}
