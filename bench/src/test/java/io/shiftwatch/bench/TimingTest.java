package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void medianOfOddAndEvenCounts() {
        // When / Then
        assertEquals(3.0, Timing.median(new double[] {9, 1, 3}));
        assertEquals(2.5, Timing.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void quantileByNearestRank() {
        // Given 1..20
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 20 - i;
        }

        // When / Then
        assertEquals(19.0, Timing.quantile(v, 0.95));
        assertEquals(10.0, Timing.quantile(v, 0.5));
    }

    @Test
    void medianOfNothingIsAnError() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timing.median(new double[0]));

        // Then
        assertEquals("median of no values: run at least one repetition", e.getMessage());
    }
}
