package io.shiftwatch.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrendTest {
    @Test
    void slopeOfAnExactLineIsItsGradient() {
        assertEquals(2.5, Trend.slope(new double[] {0, 1, 2, 3}, new double[] {1, 3.5, 6, 8.5}), 1e-12);
    }

    @Test
    void flatNoisyPointsHaveASlopeNearZero() {
        assertEquals(0.0, Trend.slope(new double[] {1, 2, 3, 4}, new double[] {5, 6, 5, 6}) - 0.2, 1e-12);
        assertEquals(0.0, Trend.slope(new double[] {1, 2, 3}, new double[] {7, 7, 7}), 0.0);
    }

    @Test
    void tooFewOrDegeneratePointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Trend.slope(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Trend.slope(new double[] {2, 2}, new double[] {1, 3}));
        assertThrows(IllegalArgumentException.class, () -> Trend.slope(new double[] {1, 2}, new double[] {1}));
    }
}
