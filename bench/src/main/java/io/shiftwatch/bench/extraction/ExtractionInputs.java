package io.shiftwatch.bench.extraction;

import io.shiftwatch.bench.Npy;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Vocabulary;
import io.shiftwatch.models.WordVocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the plain-PyTorch baseline reads: the probe images and prompt ids (the same inputs DJL
 * gets) and DJL's own generated tokens and captured states, against which the baseline checks itself
 * before it is timed. Matrices are float32 .npy; ids are exact in float32 (vocabularies < 2^24).
 */
final class ExtractionInputs {
    private ExtractionInputs() {
    }

    /** {@code images.npy} [N, S*S*3] byte values and {@code prompts.npy} [N, Tmax] ({@code <bos> prompt <sep>}, -1 = none). */
    static void writeProbes(Path dir, List<ProbeSample> samples, Vocabulary vocabulary) throws IOException {
        float[][] images = new float[samples.size()][];
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            byte[] rgb = samples.get(i).rgb();
            images[i] = new float[rgb.length];
            for (int j = 0; j < rgb.length; j++) images[i][j] = rgb[j] & 0xff;
            int[] words = vocabulary.encode(samples.get(i).prompt());
            int[] seq = new int[words.length + 2];
            seq[0] = WordVocabulary.BOS_ID;
            System.arraycopy(words, 0, seq, 1, words.length);
            seq[seq.length - 1] = WordVocabulary.SEP_ID;
            prompts.add(seq);
        }
        Npy.write(images, dir.resolve("images.npy"));
        Npy.write(padded(prompts, prompts.stream().mapToInt(p -> p.length).max().orElse(1)), dir.resolve("prompts.npy"));
    }

    /** {@code djl_tokens.npy} [n, maxNew] and, per layer, {@code djl_states_<layer>.npy} [sum of tokens, D]. */
    static void writeReference(Path dir, List<Generation> generations, List<Integer> layers, int maxNew) throws IOException {
        Npy.write(padded(generations.stream().map(Generation::tokenIds).toList(), maxNew), dir.resolve("djl_tokens.npy"));
        for (int layer : layers) {
            List<float[]> rows = new ArrayList<>();
            for (Generation g : generations) rows.addAll(List.of(g.predictingStates().get(layer)));
            Npy.write(rows.toArray(float[][]::new), dir.resolve("djl_states_" + layer + ".npy"));
        }
    }

    static float[][] padded(List<int[]> rows, int width) {
        float[][] out = new float[rows.size()][Math.max(1, width)];
        for (int i = 0; i < rows.size(); i++) {
            java.util.Arrays.fill(out[i], -1f);
            for (int j = 0; j < rows.get(i).length; j++) out[i][j] = rows.get(i)[j];
        }
        return out;
    }
}
