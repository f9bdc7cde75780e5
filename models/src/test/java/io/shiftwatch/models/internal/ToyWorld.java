package io.shiftwatch.models.internal;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.WordVocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny memorisable world for tests: 16x16 images of one solid colour, the prompt "what colour is
 * it", the answer the colour's name. Models are tiny (D = 32, 2 layers) so each test runs in seconds.
 */
public final class ToyWorld {
    public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    private static final int[][] RGB = {{220, 30, 30}, {30, 200, 40}, {30, 40, 220}, {230, 220, 30}};
    public static final String PROMPT = "what colour is it";

    private ToyWorld() {
    }

    public static TestbedModelConfig tinyConfig() {
        return new TestbedModelConfig("toy-tiny", 16, 4, 32, 2, 2, 2, 24);
    }

    public static WordVocabulary vocabulary() {
        List<String> words = new ArrayList<>(List.of("what", "colour", "is", "it", "a", "the", "shape"));
        words.addAll(COLOURS);
        return WordVocabulary.of(words);
    }

    public static TrainingOptions options(int steps) {
        return new TrainingOptions(3e-3, Math.min(3, steps), steps, 0.1, 0.0, 1.0);
    }

    public static byte[] image(int colour, int size) {
        byte[] rgb = new byte[size * size * 3];
        for (int i = 0; i < size * size; i++)
            for (int c = 0; c < 3; c++) rgb[i * 3 + c] = (byte) RGB[colour][c];
        return rgb;
    }

    public static ProbeSample sample(int colour) {
        return new ProbeSample("s" + colour, 16, image(colour, 16), PROMPT, COLOURS.get(colour), "colour");
    }

    public static List<ProbeSample> samples() {
        return List.of(sample(0), sample(1), sample(2), sample(3));
    }

    /** All four colours, each answered by its name. */
    public static TrainingBatch batch(WordVocabulary vocabulary) {
        byte[][] images = new byte[COLOURS.size()][];
        int[][] sequences = new int[COLOURS.size()][];
        for (int c = 0; c < COLOURS.size(); c++) {
            images[c] = image(c, 16);
            sequences[c] = vocabulary.sequence(PROMPT, COLOURS.get(c));
        }
        return TrainingBatch.of(images, sequences);
    }

    /** The toy batch's loss of a fresh {@code config} model (seed {@code seed}) before and after {@code steps} updates on it. */
    public static double[] lossBeforeAndAfter(TestbedModelConfig config, long seed, int steps) {
        var vocabulary = vocabulary();
        var batch = batch(vocabulary);
        try (io.shiftwatch.models.TestbedTrainer trainer = io.shiftwatch.models.TestbedModels.create(config, vocabulary, seed,
                options(steps))) {
            double before = trainer.evaluate(batch);
            for (int i = 0; i < steps; i++) trainer.step(batch);
            return new double[] {before, trainer.evaluate(batch)};
        }
    }
}
