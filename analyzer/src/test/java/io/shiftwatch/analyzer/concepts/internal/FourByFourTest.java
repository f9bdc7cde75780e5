package io.shiftwatch.analyzer.concepts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiftwatch.analyzer.internal.Vectors;
import io.shiftwatch.analyzer.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FourByFourTest {

    @ParameterizedTest(name = "D = {0}")
    @ValueSource(ints = {5, 8, 37, 128, 1027})
    void blockedAndSinglePairProductsHaveTheBitsOfTheScalarLaneDefinition(int d) {
        // Given 4 rows and 6 centres (a block of four and a two-centre tail), D with and without a tail
        float[][] x = Fixtures.uniform(4, d, 11);
        double[][] centres = new double[6][];
        for (int j = 0; j < centres.length; j++) {
            centres[j] = Vectors.toDouble(Fixtures.uniform(1, d, 20 + j)[0]);
        }
        double[][] out = new double[4][6];

        // When
        FourByFour.rowsByCentres(x, 0, 4, centres, out);

        // Then
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < centres.length; j++) {
                double lanes = FourByFour.laneDot(x[i], centres[j]);
                assertEquals(lanes, out[i][j], 0.0, "row " + i + ", centre " + j + " (SIMD: " + FourByFour.SIMD + ")");
                assertEquals(lanes, FourByFour.dot(x[i], centres[j]), 0.0, "single pair, row " + i + ", centre " + j);
                assertEquals(Vectors.dot(x[i], centres[j]), lanes, 1e-12 * d, "close to the plain dot product");
            }
        }
    }

    @ParameterizedTest(name = "D = {0}")
    @ValueSource(ints = {3, 16, 1027})
    void addToAddsEveryElementInDouble(int d) {
        // Given
        float[] row = Fixtures.uniform(1, d, 3)[0];
        double[] sum = Vectors.toDouble(Fixtures.uniform(1, d, 4)[0]);
        double[] expected = new double[d];
        for (int i = 0; i < d; i++) {
            expected[i] = sum[i] + row[i];
        }

        // When
        FourByFour.addTo(row, sum);

        // Then
        assertArrayEquals(expected, sum, 0.0);
    }
}
