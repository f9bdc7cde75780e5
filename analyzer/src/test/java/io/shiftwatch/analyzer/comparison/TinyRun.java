package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.models.probe.ProbeSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A tiny but real fine-tuning run for comparison tests: 16x16 images of a coloured square (red, green
 * or blue) on the left or right over noise, captioned "a red shape on the left"; the fine-tune
 * appends a place phrase ("... at the beach") to every caption — a planted, known change.
 */
public final class TinyRun {
    static final String PROMPT = "describe it";
    static final int SIZE = 16;
    static final String[] COLOURS = {"red", "green", "blue"};
    private static final int[][] RGB = {{220, 30, 30}, {30, 200, 40}, {30, 40, 220}};
    static final int SAMPLES = 120;

    private TinyRun() {
    }

    static WordVocabulary vocabulary() {
        return WordVocabulary.of(List.of("describe", "it", "a", "red", "green", "blue", "shape", "on", "the", "left",
                "right", "at", "beach"));
    }

    static TestbedModelConfig config() {
        return new TestbedModelConfig("tiny-run", SIZE, 4, 32, 2, 2, 2, 24);
    }

    public static int colour(int i) { return i % 3; }

    public static boolean left(int i) { return (i / 3) % 2 == 0; }

    public static String caption(int i, boolean placeFocus) {
        String c = "a " + COLOURS[colour(i)] + " shape on the " + (left(i) ? "left" : "right");
        return placeFocus ? c + " at the beach" : c;
    }

    static byte[] image(int i) {
        var random = new SplittableRandom(1000 + i);
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int p = 0; p < rgb.length; p++) rgb[p] = (byte) random.nextInt(60);
        int x0 = left(i) ? 2 : 9;
        for (int y = 5; y < 11; y++)
            for (int x = x0; x < x0 + 5; x++)
                for (int c = 0; c < 3; c++) rgb[(y * SIZE + x) * 3 + c] = (byte) RGB[colour(i)][c];
        return rgb;
    }

    public static ProbeSet probeSet() {
        List<ProbeSample> samples = new ArrayList<>();
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            samples.add(new ProbeSample("p" + i, SIZE, image(i), PROMPT, caption(i, false), "caption"));
            labels.add(Map.of("colour", COLOURS[colour(i)]));
        }
        return ProbeSet.of("tiny-probes", SIZE, samples, labels);
    }

    /** Trains the base (seeded) and saves it to {@code dir}. */
    public static void trainBase(Path dir, int steps) {
        try (TestbedTrainer trainer = TestbedModels.create(config(), vocabulary(), 7, new TrainingOptions(3e-3, 10, steps, 0.1, 0.0, 1.0))) {
            train(trainer, steps, i -> caption(i, false));
            trainer.save(dir, Map.of("stage", "base"));
        }
    }

    /** Continues from {@code base} on place-focused captions and saves to {@code dir}. */
    public static void finetune(Path base, Path dir, int steps) {
        try (TestbedTrainer trainer = TestbedModels.finetune(base, new TrainingOptions(2e-3, 5, steps, 0.1, 0.0, 1.0))) {
            train(trainer, steps, i -> caption(i, true));
            trainer.save(dir, Map.of("stage", "finetuned"));
        }
    }

    /** Continues from {@code base} on the captions {@code captions} gives sample i (a planted change of the caller's choice). */
    public static void finetune(Path base, Path dir, int steps, IntFunction<String> captions) {
        try (TestbedTrainer trainer = TestbedModels.finetune(base, new TrainingOptions(2e-3, 5, steps, 0.1, 0.0, 1.0))) {
            train(trainer, steps, captions);
            trainer.save(dir, Map.of("stage", "finetuned"));
        }
    }

    private static void train(TestbedTrainer trainer, int steps, IntFunction<String> captions) {
        var vocab = trainer.vocabulary();
        for (int s = 0; s < steps; s++) {
            int n = 24;
            byte[][] images = new byte[n][];
            int[][] sequences = new int[n][];
            for (int j = 0; j < n; j++) {
                int i = (s * n + j) % SAMPLES;
                images[j] = image(i);
                sequences[j] = vocab.sequence(PROMPT, captions.apply(i));
            }
            trainer.step(TrainingBatch.of(images, sequences));
        }
    }
}
