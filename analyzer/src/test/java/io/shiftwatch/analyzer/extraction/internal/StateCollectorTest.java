package io.shiftwatch.analyzer.extraction.internal;

import io.shiftwatch.analyzer.extraction.ExtractedStates;
import io.shiftwatch.analyzer.extraction.NonFiniteStates;
import io.shiftwatch.models.Generation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateCollectorTest {
    private static final String MODEL = "a".repeat(64), PROBES = "b".repeat(64);

    /** Row j of layer L is {L*100 + j, sample marker}: each row says where it came from. */
    private static Generation generation(String id, float marker, String... tokens) {
        float[][] layer2 = new float[tokens.length][], finalNorm = new float[tokens.length][];
        for (int j = 0; j < tokens.length; j++) {
            layer2[j] = new float[]{200 + j, marker};
            finalNorm[j] = new float[]{-100 + j, marker};
        }
        return new Generation(id, List.of(tokens), new int[tokens.length], Map.of(2, layer2, -1, finalNorm));
    }

    private static StateCollector collector() {
        return new StateCollector(MODEL, PROBES, List.of("dog", "red"), List.of(-1, 2), 2);
    }

    @Test
    void eachLayerKeepsTheRowAtTheFirstOccurrenceOfEachTarget() {
        // Given
        var collector = collector();
        collector.add(generation("s0", 0, "a", "red", "dog", "red"));
        collector.add(generation("s1", 1, "a", "covered", "dog"));

        // When
        List<ExtractedStates> states = collector.finish();

        // Then
        ExtractedStates dogLayer2 = states.get(1), redFinal = states.get(2);
        assertEquals(List.of("s0", "s1"), dogLayer2.sampleIds());
        assertArrayEquals(new float[][]{{202, 0}, {202, 1}}, dogLayer2.states());
        assertEquals(List.of("s0"), redFinal.sampleIds());
        assertArrayEquals(new int[]{1}, redFinal.positions());
        assertArrayEquals(new float[][]{{-99, 0}}, redFinal.states());
    }

    @Test
    void setsComeTargetsOuterLayersInnerAndCountTheWholeProbeSet() {
        // Given
        var collector = collector();
        collector.add(generation("s0", 0, "nothing", "here"));

        // When
        List<ExtractedStates> states = collector.finish();

        // Then
        assertEquals(List.of("dog/-1", "dog/2", "red/-1", "red/2"),
                states.stream().map(s -> s.target() + "/" + s.layer()).toList());
        assertTrue(states.stream().allMatch(s -> s.count() == 0 && s.probeSize() == 1));
    }

    @Test
    void aNonFiniteStateIsReportedWithItsLayerSampleAndPosition() {
        // Given
        var collector = collector();
        Generation bad = generation("s7", 7, "a", "red", "dog");
        bad.predictingStates().get(2)[2][0] = Float.NaN;

        // When
        Optional<NonFiniteStates> failure = collector.add(bad);

        // Then
        assertEquals(Optional.of(new NonFiniteStates(MODEL, 2, "s7", 2, Float.NaN)), failure);
        assertTrue(failure.get().reason().contains("layer 2") && failure.get().reason().contains("s7"), failure.get().reason());
    }

    @Test
    void anInfiniteStateAtAnUnusedPositionStillFailsTheSample() {
        // Given
        var collector = collector();
        Generation bad = generation("s3", 3, "a", "b", "c");
        bad.predictingStates().get(-1)[0][1] = Float.NEGATIVE_INFINITY;

        // When
        Optional<NonFiniteStates> failure = collector.add(bad);

        // Then
        assertEquals(-1, failure.orElseThrow().layer());
        assertEquals(Float.NEGATIVE_INFINITY, failure.get().value());
    }

    @Test
    void aGenerationMissingARequestedLayerBreaksTheAdapterContract() {
        // Given
        var collector = collector();
        var missing = new Generation("s0", List.of("dog"), new int[1], Map.of(2, new float[][]{{1, 2}}));

        // When
        var e = assertThrows(IllegalStateException.class, () -> collector.add(missing));

        // Then
        assertTrue(e.getMessage().contains("layer -1"), e.getMessage());
    }
}
