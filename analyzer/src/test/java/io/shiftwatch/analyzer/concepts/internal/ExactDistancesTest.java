package io.shiftwatch.analyzer.concepts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiftwatch.analyzer.internal.Vectors;
import io.shiftwatch.analyzer.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ExactDistancesTest {

    @Test
    void fromRowIsBitForBitTheScalarDistance() {
        // Given 9 vectors: two blocks of four and a tail of one
        float[][] y = Fixtures.uniform(9, 33, 2);
        float[] x = Fixtures.uniform(1, 33, 3)[0];
        double[] out = new double[9];

        // When
        ExactDistances.fromRow(x, y, out);

        // Then
        for (int j = 0; j < 9; j++) {
            assertEquals(Vectors.squaredDistance(x, y[j]), out[j], 0.0, "vector " + j);
        }
    }
}
