package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.WordVocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny memorisable captioning task for extraction tests: four solid-colour 16x16 images, each with
 * a fixed caption chosen to exercise the position rule ("red" first at position 1 in s0, first at
 * position 3 of two in s2, absent from s1 although "covered" contains the letters r-e-d).
 */
final class ToyCaptions {
    static final List<String> CAPTIONS = List.of("a red shape", "a covered green shape", "a blue shape red red", "a yellow shape");
    static final String PROMPT = "describe it";
    private static final int[][] RGB = {{220, 30, 30}, {30, 200, 40}, {30, 40, 220}, {230, 220, 30}};
    private static final int SIZE = 16;

    private ToyCaptions() {
    }

    static TestbedModelConfig config() {
        return new TestbedModelConfig("toy-captions", SIZE, 4, 32, 2, 2, 2, 24);
    }

    static WordVocabulary vocabulary() {
        List<String> words = new ArrayList<>(List.of("describe", "it"));
        CAPTIONS.forEach(c -> words.addAll(WordVocabulary.splitWords(c)));
        return WordVocabulary.of(words);
    }

    static byte[] image(int index) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int i = 0; i < SIZE * SIZE; i++)
            for (int c = 0; c < 3; c++) rgb[i * 3 + c] = (byte) RGB[index][c];
        return rgb;
    }

    static List<ProbeSample> samples() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < CAPTIONS.size(); i++)
            samples.add(new ProbeSample("s" + i, SIZE, image(i), PROMPT, CAPTIONS.get(i), "caption"));
        return samples;
    }

    /** A model trained for {@code steps} Adam steps on the four captions (seeded: same seed, same model). */
    static TestbedTrainer trained(long seed, int steps) {
        var vocabulary = vocabulary();
        byte[][] images = new byte[CAPTIONS.size()][];
        int[][] sequences = new int[CAPTIONS.size()][];
        for (int i = 0; i < CAPTIONS.size(); i++) {
            images[i] = image(i);
            sequences[i] = vocabulary.sequence(PROMPT, CAPTIONS.get(i));
        }
        var batch = TrainingBatch.of(images, sequences);
        TestbedTrainer trainer = TestbedModels.create(config(), vocabulary, seed,
                new TrainingOptions(3e-3, 3, steps, 0.1, 0.0, 1.0));
        for (int s = 0; s < steps; s++) trainer.step(batch);
        return trainer;
    }
}
