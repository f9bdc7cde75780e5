package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.testing.Dictionaries;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptShiftTest {

    // Concepts u0 = (0,0), u1 = (10,0), u2 = (-50,0); samples 0,1 are nearest u0, samples 2,3 nearest u1.
    private static final float[][] CENTROIDS = {{0, 0}, {10, 0}, {-50, 0}};
    private static final float[][] A = {{0, 1}, {0, -1}, {10, 1}, {10, -1}};
    // deltas: (1,0), (1,0) for concept 0; (0,2), (0,-2) for concept 1
    private static final float[][] B = {{1, 1}, {1, -1}, {10, 3}, {10, -3}};

    @Test
    void shiftOfAConceptByHand() {
        // Given
        ConceptDictionary base = Dictionaries.of(CENTROIDS, A);

        // When
        List<ShiftOutcome> shifts = ConceptShift.compute(A, B, base, 2.0);

        // Then A_0 = {0, 1}, Delta_0 = (1, 0), u^s_0 = (0,0) + 2 * (1,0) = (2, 0), ||Delta_0|| = 1,
        // the two deltas agree: pairwise cosine 1, cosine with Delta 1, |delta| mean 1, std 0
        ConceptShift s = assertInstanceOf(ConceptShift.class, shifts.get(0));
        assertArrayEquals(new int[] {0, 1}, s.samples());
        assertArrayEquals(new double[] {1, 0}, s.shiftVector(), 1e-15);
        assertArrayEquals(new double[] {2, 0}, s.shiftedConcept(), 1e-15);
        assertEquals(1.0, s.magnitude(), 1e-15);
        assertEquals(1.0, s.consistency().meanPairwiseCosine().orElseThrow(), 1e-15);
        assertEquals(1.0, s.consistency().meanCosineWithShift(), 1e-15);
        assertEquals(1.0, s.consistency().meanSampleMagnitude(), 1e-15);
        assertEquals(0.0, s.consistency().stdSampleMagnitude(), 1e-15);
    }

    @Test
    void opposingShiftsCancelAndAreInconsistent() {
        // Given
        ConceptDictionary base = Dictionaries.of(CENTROIDS, A);

        // When
        List<ShiftOutcome> shifts = ConceptShift.compute(A, B, base, 1.0);

        // Then deltas (0,2) and (0,-2): Delta_1 = 0, pairwise cosine -1, cosine with a zero Delta counts 0, |delta| = 2
        ConceptShift s = assertInstanceOf(ConceptShift.class, shifts.get(1));
        assertEquals(0.0, s.magnitude(), 1e-15);
        assertEquals(-1.0, s.consistency().meanPairwiseCosine().orElseThrow(), 1e-15);
        assertEquals(0.0, s.consistency().meanCosineWithShift(), 1e-15);
        assertEquals(2.0, s.consistency().meanSampleMagnitude(), 1e-15);
    }

    @Test
    void conceptWithoutSamplesIsFlagged() {
        // Given u2 = (-50, 0) is nobody's nearest concept
        ConceptDictionary base = Dictionaries.of(CENTROIDS, A);

        // When
        List<ShiftOutcome> shifts = ConceptShift.compute(A, B, base, 1.0);

        // Then
        assertEquals(new ShiftOutcome.NoSamples(2), shifts.get(2));
    }

    @Test
    void identicalStatesDoNotShift() {
        // Given
        ConceptDictionary base = Dictionaries.of(CENTROIDS, A);

        // When
        List<ShiftOutcome> shifts = ConceptShift.compute(A, A, base, 1.0);

        // Then
        for (ShiftOutcome outcome : shifts.subList(0, 2)) {
            ConceptShift s = assertInstanceOf(ConceptShift.class, outcome);
            assertEquals(0.0, s.magnitude());
            assertArrayEquals(new double[] {CENTROIDS[s.concept()][0], CENTROIDS[s.concept()][1]}, s.shiftedConcept());
        }
    }

    @Test
    void rejectsUnpairedStates() {
        // Given a checkpoint with one sample fewer
        ConceptDictionary base = Dictionaries.of(CENTROIDS, A);
        float[][] b = {{1, 1}, {1, -1}, {10, 3}};

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConceptShift.compute(A, b, base, 1.0));

        // Then
        assertTrue(e.getMessage().contains("[4, 2]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }
}
