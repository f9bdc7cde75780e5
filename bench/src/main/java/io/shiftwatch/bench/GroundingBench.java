package io.shiftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.concepts.TextGrounding;
import io.shiftwatch.analyzer.drift.WordWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Grounding K concepts through the unembedding (issue 8, item 3) for vocabularies of V tokens on
 * random matrices: the logits product [K, D] x [D, V] timed with numpy/OpenBLAS float32 (the
 * same class of BLAS kernel the PyTorch engine behind {@code ModelAdapter#unembed} runs; only
 * {@code models} may call DJL, so the bench times the product through numpy), our Java top-200
 * + word filter ({@link TextGrounding}) on the resulting logits, and the word weights of K matched
 * pairs ({@link WordWeights#of}: a softmax over all V logits of both rows of each pair, as the
 * analyzer computes for every matched concept of every target). Baseline: the machine's
 * matrix-multiply roofline, a square 2048^3 float32 GEMM measured in the same run;
 * ratio = measured time / (FLOPs / roofline FLOP/s).
 */
final class GroundingBench {
    private GroundingBench() {
    }

    static Report run(Options o, String command) throws Exception {
        Report report = new Report("grounding", command, Machine.now());
        int reps = o.integer("reps", 5);
        Python python = new Python(o.python());
        for (int threads : o.ints("threads", new int[] {1, 2})) {
            JsonNode square = python.run("gemm_numpy.py", List.of("2048", "2048", "2048", "" + reps, "" + threads));
            double roofline = square.get("flop").asDouble() / Timing.median(Python.doubles(square.get("seconds")));
            for (int d : o.ints("d", new int[] {1024, 4096})) {
                for (int v : o.ints("vocab", new int[] {32000, 150000})) {
                    for (int k : o.ints("k", new int[] {20})) {
                        report.row(measure(python, k, d, v, reps, threads, roofline));
                        System.err.printf("grounding: K=%d D=%d V=%d threads=%d done%n", k, d, v, threads);
                    }
                }
            }
        }
        report.note("roofline = float32 2048^3 GEMM (numpy/OpenBLAS) in the same run; total = logits + top-200 + word weights; "
                + "ratio = total / ideal time of the logits product at the roofline; word weights = K matched pairs, 2K softmaxes over V");
        return report;
    }

    private static Map<String, Object> measure(Python python, int k, int d, int v, int reps, int threads,
                                               double roofline) throws Exception {
        JsonNode gemm = python.run("gemm_numpy.py", List.of("" + k, "" + d, "" + v, "" + reps, "" + threads));
        double gemmSeconds = Timing.median(Python.doubles(gemm.get("seconds")));
        double flop = gemm.get("flop").asDouble();
        float[][] logits = randomLogits(k, v, 3);
        List<String> vocab = vocabulary(v);
        double[] topk = new double[reps];
        List<GroundedWords> grounded = List.of();
        for (int r = -1; r < reps; r++) { // r = -1: warm-up
            long t0 = System.nanoTime();
            grounded = TextGrounding.words(new float[k][1], vectors -> logits, vocab, TextGrounding.TOP_TOKENS,
                    TextGrounding.CONCEPT_WORDS);
            if (r >= 0) {
                topk[r] = Timing.secondsSince(t0);
            }
        }
        double weights = Timing.median(wordWeightSeconds(grounded, logits, reps));
        double boxed = Timing.median(boxedSelectionSeconds(logits, reps));
        double total = gemmSeconds + Timing.median(topk) + weights;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("K", k);
        row.put("D", d);
        row.put("V", v);
        row.put("threads", threads);
        row.put("logits_s", gemmSeconds);
        row.put("logits_GFLOPs", flop / gemmSeconds / 1e9);
        row.put("top200_filter_s", Timing.median(topk));
        row.put("boxed_top200_reference_s", boxed);
        row.put("word_weights_s", weights);
        row.put("word_weights_per_logits", weights / gemmSeconds);
        row.put("total_s", total);
        row.put("roofline_GFLOPs", roofline / 1e9);
        row.put("ratio_to_roofline", total / (flop / roofline));
        return row;
    }

    /**
     * Baseline for the top-200 selection, in the same run: the analyzer's selection before session 4 (a boxed
     * {@code PriorityQueue} of every token id, same order and tie rule), selection only, no word filter.
     */
    private static double[] boxedSelectionSeconds(float[][] logits, int reps) {
        double[] seconds = new double[reps];
        long sink = 0;
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            for (float[] row : logits) {
                PriorityQueue<Integer> heap = new PriorityQueue<>(TextGrounding.TOP_TOKENS + 1, (p, q) -> {
                    int c = Float.compare(row[p], row[q]);
                    return c != 0 ? c : Integer.compare(q, p);
                });
                for (int id = 0; id < row.length; id++) {
                    heap.add(id);
                    if (heap.size() > TextGrounding.TOP_TOKENS) heap.poll();
                }
                sink += heap.peek();
            }
            if (r >= 0) seconds[r] = Timing.secondsSince(t0);
        }
        if (sink < 0) throw new IllegalStateException("token ids are never negative");
        return seconds;
    }

    /** Word weights of the K pairs (concept k before, concept k+1 after), timed per repetition after a warm-up. */
    private static double[] wordWeightSeconds(List<GroundedWords> grounded, float[][] logits, int reps) {
        int k = logits.length;
        double[] seconds = new double[reps];
        double sink = 0;
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                int j = (i + 1) % k;
                sink += WordWeights.of(grounded.get(i), grounded.get(j), logits[i], logits[j]).after()[0];
            }
            if (r >= 0) {
                seconds[r] = Timing.secondsSince(t0);
            }
        }
        if (!(sink > 0)) {
            throw new IllegalStateException("word weights of random logits summed to " + sink + "; expected positive probabilities");
        }
        return seconds;
    }

    private static float[][] randomLogits(int k, int v, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] logits = new float[k][v];
        for (float[] row : logits) {
            for (int j = 0; j < v; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return logits;
    }

    /** V distinct alphabetic tokens (so the word filter keeps them): base-26 spellings of the id. */
    static List<String> vocabulary(int v) {
        List<String> vocab = new ArrayList<>(v);
        for (int id = 0; id < v; id++) {
            StringBuilder word = new StringBuilder("tok");
            int rest = id;
            do {
                word.append((char) ('a' + rest % 26));
                rest /= 26;
            } while (rest > 0);
            vocab.add(word.toString());
        }
        return vocab;
    }
}
