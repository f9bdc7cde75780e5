package io.shiftwatch.analyzer.concepts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiftwatch.analyzer.internal.Vectors;
import io.shiftwatch.analyzer.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CandidateDistancesTest {

    @Test
    void distancesMatchTheExactOnesAndACandidateIsAtExactlyZero() {
        // Given 701 samples (odd: a one-row tail) and 5 candidates (a block of four and a tail)
        float[][] x = Fixtures.uniform(701, 48, 4);
        int[] chosen = {3, 700, 3, 10, 250};

        // When
        double[][] out = CandidateDistances.toSamples(x, CandidateDistances.norms(x), chosen);

        // Then
        for (int t = 0; t < chosen.length; t++) {
            for (int i = 0; i < x.length; i++) {
                double exact = Vectors.squaredDistance(x[i], x[chosen[t]]);
                assertEquals(exact, out[t][i], 1e-9 * (1 + exact), "candidate " + t + ", sample " + i);
            }
            assertEquals(0.0, out[t][chosen[t]], "a candidate's distance to itself");
        }
    }
}
