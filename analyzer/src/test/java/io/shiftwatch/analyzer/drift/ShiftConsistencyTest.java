package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.internal.Vectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShiftConsistencyTest {

    @Test
    void meanPairwiseCosineByHand() {
        // Given (1,0), (2,0), (0,1): pair cosines 1, 0, 0 → mean 1/3
        // (identity: unit sum (2,1), squared norm 5, minus n = 3 → 2, over n(n-1) = 6 → 1/3)
        double[][] deltas = {{1, 0}, {2, 0}, {0, 1}};

        // When
        double mean = ShiftConsistency.meanPairwiseCosine(deltas).orElseThrow();

        // Then
        assertEquals(1.0 / 3, mean, 1e-15);
    }

    @Test
    void identityAgreesWithTheNaiveLoop() {
        // Given 25 random vectors in R^7, one of them zero (its cosines count 0)
        SplittableRandom r = new SplittableRandom(4);
        double[][] v = new double[25][7];
        for (int i = 1; i < v.length; i++) {
            for (int j = 0; j < 7; j++) {
                v[i][j] = r.nextDouble() - 0.3;
            }
        }

        // When
        double fast = ShiftConsistency.meanPairwiseCosine(v).orElseThrow();

        // Then
        double naive = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                naive += i == j ? 0 : Vectors.cosine(v[i], v[j]);
            }
        }
        assertEquals(naive / (v.length * (v.length - 1.0)), fast, 1e-12);
    }

    @Test
    void magnitudeStatisticsByHand() {
        // Given deltas (3,4) and (0,1) with mean shift (1.5, 2.5)
        double[][] deltas = {{3, 4}, {0, 1}};
        double[] shift = {1.5, 2.5};

        // When
        ShiftConsistency c = ShiftConsistency.of(deltas, shift);

        // Then |delta| = 5 and 1 → mean 3, population std 2; cos((3,4),(1.5,2.5)) = 14.5/(5*sqrt(8.5)),
        // cos((0,1),(1.5,2.5)) = 2.5/sqrt(8.5); pairwise cos = 4/5
        assertEquals(3.0, c.meanSampleMagnitude(), 1e-15);
        assertEquals(2.0, c.stdSampleMagnitude(), 1e-15);
        assertEquals((14.5 / 5 + 2.5) / Math.sqrt(8.5) / 2, c.meanCosineWithShift(), 1e-15);
        assertEquals(0.8, c.meanPairwiseCosine().orElseThrow(), 1e-15);
    }

    @Test
    void oneSampleHasNoPairwiseCosine() {
        // Given
        double[][] deltas = {{1, 2}};

        // When
        ShiftConsistency c = ShiftConsistency.of(deltas, new double[] {1, 2});

        // Then
        assertTrue(c.meanPairwiseCosine().isEmpty());
        assertEquals(1.0, c.meanCosineWithShift(), 1e-15);
    }
}
