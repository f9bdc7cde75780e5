package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.WordVocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures extraction throughput (samples/s) of the default testbed model (briefly trained on 36-word
 * captions so every output uses the whole 32-token budget, the worst case) at 32 new tokens, batch sizes 8/32/64, capturing two layers,
 * and the time to read the same extraction back from the base-activation cache. Not a test; run by
 * hand: {@code java -cp <test classpath> io.shiftwatch.analyzer.extraction.ExtractionThroughput [samples [seed]]}.
 */
public final class ExtractionThroughput {
    private static final int LONG_CAPTION_STEPS = 20;
    private static final int REPEATS = 3;
    private static final int CAPTION_WORDS = Integer.getInteger("captionWords", 36);

    private ExtractionThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        var config = TestbedModelConfig.defaults("throughput");
        List<String> words = List.of("a", "the", "red", "green", "blue", "circle", "square", "on", "left", "right", "describe", "image");
        var vocabulary = WordVocabulary.of(words);
        List<ProbeSample> probes = probes(config, samples, new SplittableRandom(1));
        Path cacheDir = Files.createTempDirectory("sw-extraction-throughput");
        try (var trainer = TestbedModels.create(config, vocabulary, seed, TrainingOptions.defaults(LONG_CAPTION_STEPS))) {
            trainOnLongCaptions(trainer, config, words, new SplittableRandom(seed));
            for (int batch : new int[]{8, 32, 64}) {
                try (ModelAdapter model = trainer.adapter(AdapterOptions.defaults().withBatchSize(batch))) {
                    var request = ExtractionRequest.of(List.of("red", "circle", "the"), List.of(config.numLayers(), ModelAdapter.FINAL_NORM), 32, batch);
                    var extractor = new HiddenStateExtractor(request);
                    extractor.extract(model, probes, ExtractionProgress.none()); // warm-up: the JIT and PyTorch's profiling executor
                    double[] seconds = new double[REPEATS];
                    ProbeExtraction outcome = null;
                    for (int r = 0; r < REPEATS; r++) {
                        long t0 = System.nanoTime();
                        outcome = (ProbeExtraction) extractor.extract(model, probes, ExtractionProgress.none());
                        seconds[r] = (System.nanoTime() - t0) / 1e9;
                    }
                    java.util.Arrays.sort(seconds);
                    double median = seconds[REPEATS / 2];
                    double tokens = outcome.outputs().stream().mapToInt(o -> o.tokens().size()).sum();
                    System.out.printf("batch %2d: %d samples in %.2f s (median of %d; min %.2f, max %.2f) = %.1f samples/s"
                                    + " (%.0f generated tokens/s, mean output %.1f tokens)%n", batch, samples, median, REPEATS, seconds[0],
                            seconds[REPEATS - 1], samples / median, tokens / median, tokens / samples);
                    if (batch == 64) cacheTimings(cacheDir, extractor, model, probes);
                }
            }
        }
    }

    /** A few steps on 36-word captions, so greedy outputs run to the 32-token budget (the worst case). */
    private static void trainOnLongCaptions(TestbedTrainer trainer, TestbedModelConfig config, List<String> words, SplittableRandom random) {
        for (int step = 0; step < LONG_CAPTION_STEPS; step++) {
            List<ProbeSample> batch = probes(config, 16, random);
            byte[][] images = new byte[batch.size()][];
            int[][] sequences = new int[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                images[i] = batch.get(i).rgb();
                StringBuilder caption = new StringBuilder();
                for (int w = 0; w < CAPTION_WORDS; w++) caption.append(words.get(random.nextInt(words.size()))).append(' ');
                sequences[i] = trainer.vocabulary().sequence(batch.get(i).prompt(), caption.toString());
            }
            trainer.step(TrainingBatch.of(images, sequences));
        }
    }

    private static void cacheTimings(Path dir, HiddenStateExtractor extractor, ModelAdapter model, List<ProbeSample> probes) {
        var cache = new BaseActivationCache(dir);
        long t0 = System.nanoTime();
        cache.extract(extractor, model, probes, ExtractionProgress.none());
        long t1 = System.nanoTime();
        cache.extract(extractor, model, probes, ExtractionProgress.none());
        long t2 = System.nanoTime();
        System.out.printf("cache: compute+store %.2f s, verified read %.1f ms%n", (t1 - t0) / 1e9, (t2 - t1) / 1e6);
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static List<ProbeSample> probes(TestbedModelConfig config, int n, SplittableRandom random) {
        int size = config.imageSize();
        List<ProbeSample> probes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] rgb = new byte[size * size * 3];
            random.nextBytes(rgb);
            probes.add(new ProbeSample("p" + i, size, rgb, "describe the image", null, "caption"));
        }
        return probes;
    }
}
