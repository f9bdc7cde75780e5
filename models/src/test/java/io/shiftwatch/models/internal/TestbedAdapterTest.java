package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Steering;
import io.shiftwatch.models.Steering.TokenRange;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestbedAdapterTest {
    private static final int P = ToyWorld.tinyConfig().prefixTokens();
    private static final int D = ToyWorld.tinyConfig().hiddenSize();
    private static TestbedTrainer trainer;
    private static TestbedAdapter adapter;

    @BeforeAll
    static void untrainedTinyModel() {
        trainer = TestbedModels.create(ToyWorld.tinyConfig(), ToyWorld.vocabulary(), 7L, ToyWorld.options(10));
        adapter = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());
    }

    @AfterAll
    static void close() {
        adapter.close();
        trainer.close();
    }

    private static List<ProbeSample> mixedPrompts() {
        return List.of(ToyWorld.sample(0),
                new ProbeSample("long", 16, ToyWorld.image(1, 16), "what colour is the shape it is", null, "colour"),
                new ProbeSample("short", 16, ToyWorld.image(2, 16), "colour", null, "colour"));
    }

    private static Steering steering(int layer, float value, TokenRange range, Optional<Steering.ConceptGate> gate) {
        float[] v = new float[D];
        Arrays.fill(v, value);
        return new Steering(layer, v, 1f, range, gate);
    }

    @Test
    void capturingStatesDoesNotChangeTheGeneratedTokens() {
        // Given
        var plain = GenerationRequest.plain(6);
        var capturing = new GenerationRequest(6, Set.of(0, 1, ModelAdapter.FINAL_NORM), Optional.empty());

        // When
        List<Generation> without = adapter.generate(mixedPrompts(), plain);
        List<Generation> with = adapter.generate(mixedPrompts(), capturing);

        // Then
        for (int i = 0; i < without.size(); i++) {
            assertArrayEquals(without.get(i).tokenIds(), with.get(i).tokenIds());
            assertEquals(with.get(i).tokens().size(), with.get(i).predictingStates().get(ModelAdapter.FINAL_NORM).length);
        }
    }

    @Test
    void generationsComeBackInSampleOrderWithinTheTokenBudget() {
        // When
        List<Generation> generations = adapter.generate(mixedPrompts(), GenerationRequest.plain(4));

        // Then
        assertEquals(List.of("s0", "long", "short"), generations.stream().map(Generation::sampleId).toList());
        generations.forEach(g -> assertTrue(g.tokens().size() <= 4, g.text()));
    }

    @Test
    void batchingAndLeftPaddingDoNotChangeAnySamplesTokens() {
        // Given
        var request = new GenerationRequest(6, Set.of(2), Optional.empty());
        var oneByOne = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults().withBatchSize(1));

        // When
        List<Generation> batched = adapter.generate(mixedPrompts(), request);
        List<Generation> single = oneByOne.generate(mixedPrompts(), request);

        // Then
        for (int i = 0; i < batched.size(); i++) {
            assertArrayEquals(single.get(i).tokenIds(), batched.get(i).tokenIds());
            assertClose(single.get(i).predictingStates().get(2), batched.get(i).predictingStates().get(2), 1e-4);
        }
    }

    @Test
    void aZeroSteeringVectorChangesNothing() {
        // Given
        var capture = Set.of(1, 2);
        var zero = Optional.of(steering(1, 0f, TokenRange.ALL, Optional.empty()));

        // When
        List<Generation> plain = adapter.generate(mixedPrompts(), new GenerationRequest(6, capture, Optional.empty()));
        List<Generation> steered = adapter.generate(mixedPrompts(), new GenerationRequest(6, capture, zero));

        // Then
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i).tokenIds(), steered.get(i).tokenIds());
            for (int layer : capture)
                assertClose(plain.get(i).predictingStates().get(layer), steered.get(i).predictingStates().get(layer), 0);
        }
    }

    @Test
    void steeringFromTheLastPromptLeavesEarlierPositionsAndChangesTheRest() {
        // Given
        ProbeSample sample = ToyWorld.sample(1);
        int[] continuation = {adapter.vocabulary().id("red"), adapter.vocabulary().id("blue")};
        int lastPrompt = P + adapter.vocabulary().encode(sample.prompt()).length + 1;
        var layers = Set.of(1, 2, 3);

        // When
        var plain = adapter.trace(sample, continuation, layers, Optional.empty());
        var steered = adapter.trace(sample, continuation, layers,
                Optional.of(steering(1, 2f, TokenRange.FROM_LAST_PROMPT, Optional.empty())));

        // Then
        int n = plain.logits().length;
        for (int layer : layers)
            for (int pos = 0; pos < n; pos++) {
                float[] before = plain.states().get(layer)[pos];
                float[] after = steered.states().get(layer)[pos];
                if (pos < lastPrompt) assertArrayEquals(before, after, "layer " + layer + " position " + pos);
                else assertFalse(Arrays.equals(before, after), "layer " + layer + " position " + pos + " was not steered");
            }
        for (int pos = lastPrompt; pos < n; pos++)
            for (int i = 0; i < D; i++)
                assertEquals(plain.states().get(1)[pos][i] + 2f, steered.states().get(1)[pos][i], 1e-5);
    }

    @Test
    void aConceptGateSteersOnlyPositionsNearestToItsConcept() {
        // Given
        ProbeSample sample = ToyWorld.sample(3);
        int[] continuation = {adapter.vocabulary().id("yellow")};
        float[][] states = adapter.trace(sample, continuation, Set.of(1), Optional.empty()).states().get(1);
        float[][] centroids = {states[0], states[P + 2]};
        var gate = Optional.of(new Steering.ConceptGate(centroids, 0));

        // When
        float[][] steered = adapter.trace(sample, continuation, Set.of(1),
                Optional.of(steering(1, 1f, TokenRange.ALL, gate))).states().get(1);

        // Then
        int touched = 0;
        int untouched = 0;
        for (int pos = 0; pos < states.length; pos++) {
            double toConcept = squaredDistance(states[pos], centroids[0]);
            double toOther = squaredDistance(states[pos], centroids[1]);
            if (Math.abs(toConcept - toOther) < 1e-3 * (toConcept + toOther)) continue;
            if (toConcept < toOther) {
                touched++;
                for (int i = 0; i < D; i++) assertEquals(states[pos][i] + 1f, steered[pos][i], 1e-5);
            } else {
                untouched++;
                assertArrayEquals(states[pos], steered[pos], "position " + pos + " is nearer the other concept");
            }
        }
        assertTrue(touched > 0 && untouched > 0, "touched=" + touched + " untouched=" + untouched);
    }

    @Test
    void unembeddingTheFinalNormStateGivesTheModelsOwnNextTokenLogits() {
        // Given
        int finalNorm = adapter.info().finalNormLayer();
        int lastBlock = adapter.info().numLayers();
        var trace = adapter.trace(ToyWorld.sample(2), new int[0], Set.of(lastBlock, finalNorm), Optional.empty());
        int last = trace.logits().length - 1;

        // When
        float[][] atFinalNorm = adapter.unembed(new float[][] {trace.states().get(finalNorm)[last]}, ModelAdapter.FINAL_NORM);
        float[][] atLastBlock = adapter.unembed(new float[][] {trace.states().get(lastBlock)[last]}, lastBlock);

        // Then
        assertArrayEquals(trace.logits()[last], atFinalNorm[0], 1e-5f);
        assertArrayEquals(trace.logits()[last], atLastBlock[0], 1e-4f);
    }

    @Test
    void aSteeringVectorOfTheWrongWidthIsRejected() {
        // Given
        var wrong = new Steering(1, new float[D + 1], 1f, TokenRange.ALL, Optional.empty());

        // When
        var e = assertThrows(IllegalArgumentException.class,
                () -> adapter.generate(mixedPrompts(), new GenerationRequest(2, Set.of(), Optional.of(wrong))));

        // Then
        assertTrue(e.getMessage().contains("hidden size " + D), e.getMessage());
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }

    static void assertClose(float[][] expected, float[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++)
            for (int i = 0; i < expected[r].length; i++)
                assertEquals(expected[r][i], actual[r][i], tolerance, "row " + r + " value " + i);
    }
}
