package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.comparison.TinyRun;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Steering;
import io.shiftwatch.models.Steering.TokenRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Steering seen through {@link ModelAdapter#generate} on a real (tiny, trained) testbed checkpoint: a
 * vector at layer 1 touches exactly the positions of its token range, and a zero vector changes nothing.
 * Predicting states: row 0 is the last prompt position, row j >= 1 the position of generated token j-1.
 */
class SteeringThroughAdapterIT {
    private static final int LAYER = 1;
    @TempDir
    static Path dir;
    static ModelAdapter model;
    static List<ProbeSample> samples;

    @BeforeAll
    static void train() {
        TinyRun.trainBase(dir.resolve("base"), 60);
        model = ModelAdapters.open(dir.resolve("base"), ModelFormat.TESTBED, AdapterOptions.defaults());
        samples = TinyRun.probeSet().samples().subList(0, 6);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[] vector(float scale) {
        var rng = new SplittableRandom(5);
        float[] v = new float[model.info().hiddenSize()];
        for (int i = 0; i < v.length; i++) v[i] = scale * (float) (rng.nextDouble() * 2 - 1);
        return v;
    }

    private static List<Generation> generate(Optional<Steering> steering) {
        return model.generate(samples, new GenerationRequest(4, Set.of(0, LAYER, LAYER + 1), steering));
    }

    private static Optional<Steering> steering(float[] v, TokenRange range) {
        return Optional.of(new Steering(LAYER, v, 1f, range, Optional.empty()));
    }

    private static void assertShifted(float[] plain, float[] steered, float[] v) {
        for (int i = 0; i < v.length; i++) assertEquals(plain[i] + v[i], steered[i], 1e-4, "component " + i);
    }

    @Test
    void generatedOnlyLeavesTheLastPromptPositionAndShiftsEachGeneratedPositionByTheVector() {
        // Given
        float[] v = vector(0.5f);

        // When
        var plain = generate(Optional.empty());
        var steered = generate(steering(v, TokenRange.GENERATED_ONLY));

        // Then
        for (int s = 0; s < samples.size(); s++) {
            for (int layer : List.of(0, LAYER, LAYER + 1))
                assertArrayEquals(plain.get(s).predictingStates().get(layer)[0], steered.get(s).predictingStates().get(layer)[0]);
            assertEquals(plain.get(s).tokens().getFirst(), steered.get(s).tokens().getFirst());
            assertArrayEquals(plain.get(s).predictingStates().get(0)[1], steered.get(s).predictingStates().get(0)[1]);
            assertShifted(plain.get(s).predictingStates().get(LAYER)[1], steered.get(s).predictingStates().get(LAYER)[1], v);
        }
    }

    @Test
    void fromTheLastPromptShiftsThatPositionButNotTheEarlierPromptPositionsThatAllAlsoSteers() {
        // Given
        float[] v = vector(0.5f);

        // When
        var plain = generate(Optional.empty());
        var fromLast = generate(steering(v, TokenRange.FROM_LAST_PROMPT));
        var all = generate(steering(v, TokenRange.ALL));

        // Then
        for (int s = 0; s < samples.size(); s++) {
            assertArrayEquals(plain.get(s).predictingStates().get(0)[0], fromLast.get(s).predictingStates().get(0)[0]);
            assertShifted(plain.get(s).predictingStates().get(LAYER)[0], fromLast.get(s).predictingStates().get(LAYER)[0], v);
            assertShifted(plain.get(s).predictingStates().get(LAYER)[0], all.get(s).predictingStates().get(LAYER)[0], v);
            // the block after the steering layer reads the earlier prompt positions: steered under ALL only
            assertFalse(java.util.Arrays.equals(fromLast.get(s).predictingStates().get(LAYER + 1)[0],
                    all.get(s).predictingStates().get(LAYER + 1)[0]), "sample " + s + ": earlier prompt positions made no difference");
        }
    }

    @Test
    void aZeroVectorChangesNoTokenAndNoStateInAnyRange() {
        // Given
        float[] zero = new float[model.info().hiddenSize()];

        // When
        var plain = generate(Optional.empty());

        // Then
        for (TokenRange range : TokenRange.values()) {
            var steered = generate(steering(zero, range));
            for (int s = 0; s < samples.size(); s++) {
                assertEquals(plain.get(s).tokens(), steered.get(s).tokens(), range + " sample " + s);
                for (int layer : List.of(0, LAYER, LAYER + 1)) {
                    float[][] a = plain.get(s).predictingStates().get(layer), b = steered.get(s).predictingStates().get(layer);
                    for (int row = 0; row < a.length; row++) assertArrayEquals(a[row], b[row], range + " layer " + layer + " row " + row);
                }
            }
        }
    }
}
