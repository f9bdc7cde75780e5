package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.WordVocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Measures the default testbed model on this machine: training step time and RSS over 200 steps,
 * generation throughput with and without the KV cache. Not a test; run by hand (see the report).
 */
public final class DefaultModelBenchmark {
    private static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "white", "black");
    private static final int[][] RGB = {{220, 30, 30}, {30, 200, 40}, {30, 40, 220}, {230, 220, 30}, {250, 250, 250}, {10, 10, 10}};

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var config = TestbedModelConfig.defaults("bench");
        List<String> words = new ArrayList<>(List.of("what", "colours", "are", "in", "the", "image", "left", "right", "and", "is", "on"));
        words.addAll(COLOURS);
        var vocabulary = WordVocabulary.of(words);
        var random = new SplittableRandom(1);
        try (var trainer = TestbedModels.create(config, vocabulary, 1L, TrainingOptions.defaults(steps))) {
            if (args.length > 1) {
                trainOnly(trainer, vocabulary, random, steps);
                return;
            }
            long totalNanos = 0;
            for (int s = 1; s <= steps; s++) {
                TrainingBatch batch = batch(vocabulary, random, 32);
                long t0 = System.nanoTime();
                var result = trainer.step(batch);
                if (s > 10) totalNanos += System.nanoTime() - t0;
                if (s == 1 || s % 20 == 0)
                    System.out.printf("step %d loss %.4f lr %.2e gradNorm %.3f rssMiB %d javaHeapCommittedMiB %d liveArrays %d%n", s,
                            result.loss(), result.learningRate(), result.gradientNorm(), rssMiB(),
                            Runtime.getRuntime().totalMemory() >> 20, ((TestbedTraining) trainer).liveArrays());
            }
            System.out.printf("training: mean step %.1f ms (batch 32, steps 11..%d)%n", totalNanos / 1e6 / (steps - 10), steps);
            var adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());
            List<ProbeSample> probes = probes(random, 256);
            throughput("kv-cache, answers", adapter, probes, 16, true);
            throughput("full recompute, answers", adapter, probes, 16, false);
            try (var untrained = TestbedModels.create(config, vocabulary, 2L, TrainingOptions.defaults(1))) {
                var raw = (TestbedAdapter) untrained.adapter(AdapterOptions.defaults());
                throughput("kv-cache, untrained (long outputs)", raw, probes, 24, true);
                throughput("full recompute, untrained (long outputs)", raw, probes, 24, false);
            }
            var request = new GenerationRequest(16, Set.of(ModelAdapter.FINAL_NORM), Optional.empty());
            System.out.println("sample answer: " + adapter.generate(probes.subList(0, 1), request).getFirst().text()
                    + " (expected " + probes.getFirst().expected() + ")");
        }
    }

    private static void trainOnly(io.shiftwatch.models.TestbedTrainer trainer, WordVocabulary vocabulary, SplittableRandom random,
                                  int steps) throws IOException {
        for (int s = 1; s <= steps; s++) {
            trainer.step(batch(vocabulary, random, 32));
            if (s % 100 == 0) System.out.printf("step %d rssMiB %d javaHeapCommittedMiB %d liveArrays %d%n", s, rssMiB(),
                    Runtime.getRuntime().totalMemory() >> 20, ((TestbedTraining) trainer).liveArrays());
        }
    }

    private static void throughput(String label, TestbedAdapter adapter, List<ProbeSample> probes, int maxNew, boolean cache) {
        var decoder = adapter.decoder(cache);
        decoder.generate(probes.subList(0, 32), maxNew, Set.of(4), Optional.empty());
        long t0 = System.nanoTime();
        long tokens = 0;
        for (int i = 0; i < probes.size(); i += 32)
            for (var g : decoder.generate(probes.subList(i, i + 32), maxNew, Set.of(4), Optional.empty())) tokens += g.tokens().size() + 1;
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generation %-42s %6.1f samples/s  %7.1f tokens/s  (%d samples, batch 32, max %d new)%n", label,
                probes.size() / seconds, tokens / seconds, probes.size(), maxNew);
    }

    private static TrainingBatch batch(WordVocabulary vocabulary, SplittableRandom random, int size) {
        byte[][] images = new byte[size][];
        int[][] sequences = new int[size][];
        for (int i = 0; i < size; i++) {
            int left = random.nextInt(COLOURS.size());
            int right = random.nextInt(COLOURS.size());
            images[i] = image(left, right);
            sequences[i] = vocabulary.sequence("what colours are in the image", answer(left, right));
        }
        return TrainingBatch.of(images, sequences);
    }

    private static List<ProbeSample> probes(SplittableRandom random, int n) {
        List<ProbeSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int left = random.nextInt(COLOURS.size());
            int right = random.nextInt(COLOURS.size());
            out.add(new ProbeSample("p" + i, 32, image(left, right), "what colours are in the image", answer(left, right), "caption"));
        }
        return out;
    }

    private static String answer(int left, int right) {
        return COLOURS.get(left) + " is on the left and " + COLOURS.get(right) + " is on the right";
    }

    private static byte[] image(int left, int right) {
        byte[] rgb = new byte[32 * 32 * 3];
        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
                for (int c = 0; c < 3; c++) rgb[(y * 32 + x) * 3 + c] = (byte) RGB[x < 16 ? left : right][c];
        return rgb;
    }

    private static long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        return -1;
    }
}
