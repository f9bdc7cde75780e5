package io.shiftwatch.testbed.training;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.TrainingBatch;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.ObjectWord;
import io.shiftwatch.testbed.scenario.TrainingExample;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic batch stream of a run: batch {@code s} holds examples {@code s*B .. s*B+B-1} of
 * the main stream, except that each example is replaced by the same index of the {@code mix} stream
 * when a per-index hash falls below {@code mixFraction} (fine-tuning can blend in base data). With
 * {@link #byTask} the hash is taken per batch instead, so a batch is all captions or all questions:
 * sequences are padded to the longest in the batch, and a single 35-token caption would otherwise pad
 * 31 ten-token questions to its length. Pure function of (streams, batch size, mix fraction, mode,
 * step). Thread-safe.
 */
public final class ExampleBatches {
    private final TrainingExamples main;
    private final TrainingExamples mix;
    private final int batchSize;
    private final double mixFraction;
    private final WordVocabulary vocabulary;
    private final boolean wholeBatches;

    public ExampleBatches(TrainingExamples main, TrainingExamples mix, double mixFraction, int batchSize,
                          WordVocabulary vocabulary) {
        this(main, mix, mixFraction, batchSize, vocabulary, false);
    }

    /**
     * Task-homogeneous batches: batch {@code s} is taken from {@code captions} (a stream of caption
     * fraction 1) when a per-batch hash falls below {@code captionFraction}, otherwise from
     * {@code questions} (caption fraction 0), at the same example indices.
     */
    public static ExampleBatches byTask(TrainingExamples captions, TrainingExamples questions, double captionFraction,
                                        int batchSize, WordVocabulary vocabulary) {
        return new ExampleBatches(questions, captions, captionFraction, batchSize, vocabulary, true);
    }

    private ExampleBatches(TrainingExamples main, TrainingExamples mix, double mixFraction, int batchSize,
                           WordVocabulary vocabulary, boolean wholeBatches) {
        this.main = Objects.requireNonNull(main, "main");
        this.mix = mix;
        if (!(mixFraction >= 0 && mixFraction <= 1))
            throw new IllegalArgumentException("mix fraction must be in [0,1], got " + mixFraction);
        if (mixFraction > 0 && mix == null) throw new IllegalArgumentException("mix fraction " + mixFraction + " needs a mix stream");
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        this.mixFraction = mixFraction;
        this.batchSize = batchSize;
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.wholeBatches = wholeBatches;
    }

    /** The examples of batch {@code step} (0-based). */
    public List<TrainingExample> examples(int step) {
        List<TrainingExample> out = new ArrayList<>(batchSize);
        boolean mixBatch = wholeBatches && fromMix(step);
        for (long i = (long) step * batchSize; i < (long) (step + 1) * batchSize; i++)
            out.add((wholeBatches ? mixBatch : fromMix(i)) ? mix.get(i) : main.get(i));
        return out;
    }

    /** Batch {@code step} as model input (loss on answer words and {@code <eos>}). */
    public TrainingBatch batch(int step) {
        return toBatch(examples(step), vocabulary);
    }

    public static TrainingBatch toBatch(List<TrainingExample> examples, WordVocabulary vocabulary) {
        byte[][] images = new byte[examples.size()][];
        int[][] sequences = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            images[i] = examples.get(i).rgb();
            sequences[i] = vocabulary.sequence(examples.get(i).prompt(), examples.get(i).answer());
        }
        return TrainingBatch.of(images, sequences);
    }

    /**
     * Batch {@code step} with patch words: each image cut {@code patchGrid} x {@code patchGrid} (as the model
     * cuts it), the patch holding an object's centre is to predict the object's word; patches with no
     * object, or with two, have none (-1).
     */
    public TrainingBatch batchWithPatchWords(int step, int patchGrid) {
        List<TrainingExample> examples = examples(step);
        return toBatch(examples, vocabulary).withPatchTargets(patchTargets(examples, patchGrid, vocabulary));
    }

    /** [example][patch] word ids (row-major patches, -1 = none) of the examples' object words. */
    static int[][] patchTargets(List<TrainingExample> examples, int patchGrid, WordVocabulary vocabulary) {
        if (patchGrid < 1) throw new IllegalArgumentException("patch grid must be >= 1, got " + patchGrid);
        int[][] targets = new int[examples.size()][patchGrid * patchGrid];
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample e = examples.get(i);
            Arrays.fill(targets[i], -1);
            boolean[] taken = new boolean[patchGrid * patchGrid];
            for (ObjectWord w : e.objectWords()) {
                int patch = (w.y() * patchGrid / e.imageSize()) * patchGrid + w.x() * patchGrid / e.imageSize();
                targets[i][patch] = taken[patch] ? -1 : vocabulary.id(w.word());
                taken[patch] = true;
            }
        }
        return targets;
    }

    /** A generation probe for an example: its image and prompt, the answer as expected output. */
    public static ProbeSample probe(String id, TrainingExample example) {
        return new ProbeSample(id, example.imageSize(), example.rgb(), example.prompt(), example.answer(), example.answerType());
    }

    private boolean fromMix(long index) {
        if (mixFraction == 0) return false;
        long h = index * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (h >>> 11) * 0x1.0p-53 < mixFraction;
    }
}
