package io.shiftwatch.models;

import java.util.Objects;

/**
 * A batch of training examples for the testbed VLM. Example i is the RGB image {@code images[i]}
 * (row-major, 3 bytes per pixel, square) and the token sequence {@code sequences[i]} in the layout
 * {@code <bos> prompt-words <sep> answer-words <eos>} (see {@link WordVocabulary#sequence}); the model
 * reads the image prefix before it. {@code lossMask[i][t]} says whether token t is a prediction
 * target (it is predicted from position t-1); {@link #of} sets it on the answer words and the
 * {@code <eos>} only. {@code patchTargets[i][p]}, when given, is the id of a word that names what image
 * patch p of example i shows (-1: none); the model predicts it from that patch's prefix position when
 * {@link TrainingOptions#patchWordWeight()} is above 0. Arrays are not copied: do not mutate them after
 * construction.
 *
 * @param images       [batch][imageSize*imageSize*3], all the same length
 * @param sequences    [batch][length_i], each starting with {@code <bos>} and containing one {@code <sep>}
 * @param lossMask     [batch][length_i], false at token 0
 * @param patchTargets null (no patch words) or [batch][prefix tokens] word ids, -1 for no target
 */
public record TrainingBatch(byte[][] images, int[][] sequences, boolean[][] lossMask, int[][] patchTargets) {
    /** A batch without patch words. */
    public TrainingBatch(byte[][] images, int[][] sequences, boolean[][] lossMask) {
        this(images, sequences, lossMask, null);
    }

    public TrainingBatch {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(lossMask, "lossMask");
        if (images.length == 0) throw new IllegalArgumentException("a training batch needs at least one example");
        if (images.length != sequences.length || images.length != lossMask.length)
            throw new IllegalArgumentException("batch has " + images.length + " images, " + sequences.length
                    + " sequences and " + lossMask.length + " loss masks; they must match");
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != images[0].length)
                throw new IllegalArgumentException("example " + i + ": image has " + images[i].length
                        + " bytes, example 0 has " + images[0].length);
            int[] seq = sequences[i];
            if (seq.length < 3 || seq[0] != WordVocabulary.BOS_ID || indexOfSep(seq) < 0)
                throw new IllegalArgumentException("example " + i + ": sequence must start with <bos> and contain <sep>");
            if (lossMask[i].length != seq.length)
                throw new IllegalArgumentException("example " + i + ": loss mask length " + lossMask[i].length
                        + " != sequence length " + seq.length);
            if (lossMask[i][0]) throw new IllegalArgumentException("example " + i + ": token 0 (<bos>) cannot be a target");
        }
        if (patchTargets != null) {
            if (patchTargets.length != images.length)
                throw new IllegalArgumentException("batch has " + images.length + " images and " + patchTargets.length
                        + " rows of patch targets; they must match");
            for (int i = 0; i < patchTargets.length; i++) {
                if (patchTargets[i].length != patchTargets[0].length)
                    throw new IllegalArgumentException("example " + i + ": " + patchTargets[i].length
                            + " patch targets, example 0 has " + patchTargets[0].length);
                for (int id : patchTargets[i])
                    if (id < -1) throw new IllegalArgumentException("example " + i + ": patch target " + id + " is below -1 (none)");
            }
        }
    }

    /** This batch with patch words ([batch][prefix tokens] word ids, -1 for none). */
    public TrainingBatch withPatchTargets(int[][] targets) {
        return new TrainingBatch(images, sequences, lossMask, targets);
    }

    /** Number of patch targets (entries >= 0); 0 without patch words. */
    public int patchTargetCount() {
        if (patchTargets == null) return 0;
        int n = 0;
        for (int[] row : patchTargets) for (int id : row) if (id >= 0) n++;
        return n;
    }

    /** A batch whose loss covers the answer words and the {@code <eos>} (every token after the first {@code <sep>}). */
    public static TrainingBatch of(byte[][] images, int[][] sequences) {
        boolean[][] mask = new boolean[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            mask[i] = new boolean[sequences[i].length];
            int sep = indexOfSep(sequences[i]);
            for (int t = sep + 1; t < sequences[i].length && sep >= 0; t++) mask[i][t] = true;
        }
        return new TrainingBatch(images, sequences, mask);
    }

    public int size() {
        return images.length;
    }

    /** Longest sequence in the batch. */
    public int maxLength() {
        int max = 0;
        for (int[] s : sequences) max = Math.max(max, s.length);
        return max;
    }

    private static int indexOfSep(int[] seq) {
        for (int t = 0; t < seq.length; t++) if (seq[t] == WordVocabulary.SEP_ID) return t;
        return -1;
    }
}
