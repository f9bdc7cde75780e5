package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.WordVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefixAttentionTest {
    private static final TestbedModelConfig PREFIX = ToyWorld.tinyConfig().withPromptAttention(PromptAttention.PREFIX);

    /** Prompts of different lengths, so generation left-pads and the plain pass right-pads. */
    private static List<ProbeSample> mixedPrompts() {
        return List.of(ToyWorld.sample(0),
                new ProbeSample("long", 16, ToyWorld.image(1, 16), "what colour is the shape it is", null, "colour"),
                new ProbeSample("short", 16, ToyWorld.image(2, 16), "colour", null, "colour"));
    }

    @ParameterizedTest
    @EnumSource(PromptAttention.class)
    void teacherForcedLogitsAtTheAnswerPositionsEqualTheGenerationPathsLogits(PromptAttention attention) {
        // Given: a seeded untrained toy model (a trained one soon answers <eos> first and leaves nothing to compare)
        var config = ToyWorld.tinyConfig().withPromptAttention(attention);
        try (var trainer = (TestbedTraining) TestbedModels.create(config, ToyWorld.vocabulary(), 5L, ToyWorld.options(1))) {
            var adapter = trainer.adapter(AdapterOptions.defaults());
            WordVocabulary vocab = trainer.vocabulary();
            List<ProbeSample> samples = mixedPrompts();

            // When: batched, left-padded generation with the KV cache, its final-norm states unembedded ...
            List<Generation> generated = adapter.generate(samples,
                    new GenerationRequest(5, Set.of(ModelAdapter.FINAL_NORM), Optional.empty()));
            // ... against one right-padded plain pass over <bos> prompt <sep> generated tokens
            int[][] sequences = new int[samples.size()][];
            for (int b = 0; b < samples.size(); b++) {
                int[] prompt = vocab.sequence(samples.get(b).prompt(), null);
                int[] ids = generated.get(b).tokenIds();
                sequences[b] = Arrays.copyOf(prompt, prompt.length + ids.length);
                System.arraycopy(ids, 0, sequences[b], prompt.length, ids.length);
            }
            float[][][] plain = plainLogits(trainer.model(), samples, sequences);

            // Then
            int p = config.prefixTokens();
            int compared = 0;
            for (int b = 0; b < samples.size(); b++) {
                Generation g = generated.get(b);
                compared += g.tokenIds().length;
                float[][] fromGeneration = adapter.unembed(g.predictingStates().get(ModelAdapter.FINAL_NORM), ModelAdapter.FINAL_NORM);
                int firstPredicting = p + vocab.sequence(samples.get(b).prompt(), null).length - 1;
                for (int j = 0; j < g.tokenIds().length; j++)
                    assertArrayEquals(plain[b][firstPredicting + j], fromGeneration[j], 1e-5f,
                            attention + ": sample " + b + " answer token " + j);
            }
            assertTrue(compared >= 6, "only " + compared + " generated tokens to compare");
        }
    }

    /** Logits [B][P+T][V] of TestbedVlm's plain pass over right-padded {@code sequences}. */
    private static float[][][] plainLogits(TestbedVlm model, List<ProbeSample> samples, int[][] sequences) {
        int t = Arrays.stream(sequences).mapToInt(s -> s.length).max().orElseThrow();
        long[] ids = new long[samples.size() * t];
        for (int b = 0; b < sequences.length; b++)
            for (int j = 0; j < sequences[b].length; j++) ids[b * t + j] = sequences[b][j];
        TestbedModelConfig config = model.config();
        try (NDManager m = NDManager.newBaseManager()) {
            var ps = new ParameterStore(m, false);
            float[] patches = ImagePatches.flatten(samples.stream().map(ProbeSample::rgb).toList(), config);
            var inputs = new NDList(m.create(patches, new Shape(samples.size(), config.prefixTokens(), config.patchDim())),
                    m.create(ids, new Shape(samples.size(), t)));
            float[] flat = model.forward(ps, inputs, false).head().toFloatArray();
            int s = config.prefixTokens() + t;
            int v = model.vocabSize();
            float[][][] out = new float[samples.size()][s][];
            for (int b = 0; b < samples.size(); b++)
                for (int q = 0; q < s; q++) out[b][q] = Arrays.copyOfRange(flat, (b * s + q) * v, (b * s + q + 1) * v);
            return out;
        }
    }

    @ParameterizedTest
    @EnumSource(PromptAttention.class)
    void anImageCellSeesALaterPromptWordOnlyWithPrefixAttention(PromptAttention attention) {
        // Given: two prompts of the same length that differ only in their last word
        var config = ToyWorld.tinyConfig().withPromptAttention(attention);
        try (var trainer = TestbedModels.create(config, ToyWorld.vocabulary(), 9L, ToyWorld.options(1));
             var adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults())) {
            byte[] image = ToyWorld.image(2, 16);
            var itPrompt = new ProbeSample("it", 16, image, "what colour is it", null, "colour");
            var shapePrompt = new ProbeSample("shape", 16, image, "what colour is shape", null, "colour");

            // When
            var it = adapter.trace(itPrompt, new int[0], Set.of(1, 2), Optional.empty());
            var shape = adapter.trace(shapePrompt, new int[0], Set.of(1, 2), Optional.empty());

            // Then: image cells 0..P-1 and <bos> (position P) change with the last word only under prefix attention
            int p = config.prefixTokens();
            for (int layer : Set.of(1, 2))
                for (int pos = 0; pos <= p; pos++) {
                    float[] a = it.states().get(layer)[pos];
                    float[] b = shape.states().get(layer)[pos];
                    if (attention == PromptAttention.PREFIX) assertFalse(Arrays.equals(a, b), "layer " + layer + " pos " + pos);
                    else assertArrayEquals(a, b, "layer " + layer + " pos " + pos);
                }
        }
    }

    @Test
    void theTeacherForcedMaskIsBidirectionalUpToEachSamplesSepAndCausalAfter() {
        // Given: P = 2; sample 0 = <bos> w <sep> a <eos>, sample 1 = <bos> <sep> a <eos> <pad>
        long w = 5, a = 6;
        long[] ids = {WordVocabulary.BOS_ID, w, WordVocabulary.SEP_ID, a, WordVocabulary.EOS_ID,
                WordVocabulary.BOS_ID, WordVocabulary.SEP_ID, a, WordVocabulary.EOS_ID, WordVocabulary.PAD_ID};
        try (NDManager m = NDManager.newBaseManager()) {
            // When
            var window = SequenceWindow.teacherForced(m, 2, 5, 2, ids, PromptAttention.PREFIX);
            var causal = SequenceWindow.teacherForced(m, 2, 5, 2, ids, PromptAttention.CAUSAL);

            // Then
            assertEquals(new Shape(2, 1, 7, 7), window.mask().getShape());
            assertEquals(new Shape(1, 1, 7, 7), causal.mask().getShape());
            float[] mask = window.mask().toFloatArray();
            int[] prefixEnd = {2 + 3, 2 + 2};
            for (int b = 0; b < 2; b++)
                for (int q = 0; q < 7; q++)
                    for (int k = 0; k < 7; k++) {
                        boolean seen = k <= q || (q < prefixEnd[b] && k < prefixEnd[b]);
                        assertEquals(seen ? 0f : SequenceWindow.MASKED, mask[(b * 7 + q) * 7 + k], "b" + b + " q" + q + " k" + k);
                    }
        }
    }

    @Test
    void textWithoutASepHasOnlyTheImageAsItsBidirectionalPrefix() {
        // Given: P = 2, text <bos> w w (no <sep>)
        long[] ids = {WordVocabulary.BOS_ID, 5, 5};
        try (NDManager m = NDManager.newBaseManager()) {
            // When
            float[] mask = SequenceWindow.teacherForced(m, 2, 3, 1, ids, PromptAttention.PREFIX).mask().toFloatArray();

            // Then: cell 0 sees cell 1, but no text; text is causal
            assertEquals(0f, mask[1]);
            for (int k = 2; k < 5; k++) assertEquals(SequenceWindow.MASKED, mask[k]);
            assertEquals(SequenceWindow.MASKED, mask[2 * 5 + 3]);
            assertEquals(0f, mask[3 * 5 + 2]);
        }
    }
}
