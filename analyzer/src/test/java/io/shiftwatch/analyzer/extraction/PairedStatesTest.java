package io.shiftwatch.analyzer.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PairedStatesTest {
    private static final String BASE = "a".repeat(64), CHECKPOINT = "c".repeat(64), PROBES = "b".repeat(64);

    /** States whose row for sample sK is {K, model marker}. */
    private static ExtractedStates states(String model, float marker, List<String> ids) {
        float[][] rows = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) rows[i] = new float[]{Integer.parseInt(ids.get(i).substring(1)), marker};
        return new ExtractedStates(model, PROBES, "dog", 4, 2, 10, ids, new int[ids.size()], rows);
    }

    @Test
    void onlySamplesWhereBothModelsProduceTheTargetArePairedInProbeOrder() {
        // Given
        var base = states(BASE, 0, List.of("s1", "s2", "s4", "s7"));
        var checkpoint = states(CHECKPOINT, 1, List.of("s2", "s3", "s7", "s8", "s9"));

        // When
        var paired = assertInstanceOf(PairedStates.class, PairedStates.intersect(base, checkpoint));

        // Then
        assertEquals(List.of("s2", "s7"), paired.sampleIds());
        assertArrayEquals(new float[][]{{2, 0}, {7, 0}}, paired.base());
        assertArrayEquals(new float[][]{{2, 1}, {7, 1}}, paired.checkpoint());
    }

    @Test
    void dropCountsSayWhatEachSideHadThatTheOtherLacked() {
        // Given
        var base = states(BASE, 0, List.of("s1", "s2", "s4", "s7"));
        var checkpoint = states(CHECKPOINT, 1, List.of("s2", "s3", "s7", "s8", "s9"));

        // When
        var paired = assertInstanceOf(PairedStates.class, PairedStates.intersect(base, checkpoint));

        // Then
        assertEquals(2, paired.droppedFromBase());
        assertEquals(3, paired.droppedFromCheckpoint());
    }

    @Test
    void aTargetNeverProducedByBothIsATypedFailureWithTheCounts() {
        // Given
        var base = states(BASE, 0, List.of("s1", "s2"));
        var checkpoint = states(CHECKPOINT, 1, List.of());

        // When
        PairingOutcome outcome = PairedStates.intersect(base, checkpoint);

        // Then
        assertEquals(new TargetNotFound("dog", 4, 10, 2, 0), outcome);
    }

    @Test
    void statesOfDifferentWidthsAreATypedFailure() {
        // Given
        var base = states(BASE, 0, List.of("s1"));
        var wide = new ExtractedStates(CHECKPOINT, PROBES, "dog", 4, 3, 10, List.of("s1"), new int[1], new float[][]{{1, 2, 3}});

        // When
        PairingOutcome outcome = PairedStates.intersect(base, wide);

        // Then
        assertEquals(new StateWidthMismatch("dog", 4, 2, 3), outcome);
    }

    @Test
    void setsForDifferentLayersCannotBePaired() {
        // Given
        var base = states(BASE, 0, List.of("s1"));
        var otherLayer = new ExtractedStates(CHECKPOINT, PROBES, "dog", 5, 2, 10, List.of("s1"), new int[1], new float[][]{{1, 2}});

        // When / Then
        assertThrows(IllegalArgumentException.class, () -> PairedStates.intersect(base, otherLayer));
    }
}
