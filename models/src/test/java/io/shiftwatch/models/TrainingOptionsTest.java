package io.shiftwatch.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingOptionsTest {

    @Test
    void learningRateWarmsUpLinearlyThenFollowsCosineToTheFloor() {
        // Given
        var options = new TrainingOptions(1e-3, 10, 110, 0.1, 0, 1);

        // When
        double first = options.learningRate(0);
        double peak = options.learningRate(9);
        double middle = options.learningRate(60);
        double last = options.learningRate(110);
        double after = options.learningRate(500);

        // Then
        assertEquals(1e-4, first, 1e-12);
        assertEquals(1e-3, peak, 1e-12);
        assertEquals(1e-4 + 0.9e-3 * 0.5, middle, 1e-12);
        assertEquals(1e-4, last, 1e-12);
        assertEquals(1e-4, after, 1e-12);
    }

    @Test
    void warmUpLongerThanTheScheduleIsRejected() {
        // When / Then
        assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(1e-3, 20, 10, 0.1, 0, 1));
    }
}
