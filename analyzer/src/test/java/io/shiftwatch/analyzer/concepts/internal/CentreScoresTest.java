package io.shiftwatch.analyzer.concepts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.internal.Vectors;
import io.shiftwatch.analyzer.testing.Fixtures;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class CentreScoresTest {

    @Test
    void exactAssignmentEqualsAnExhaustiveSearchIncludingTies() {
        // Given 7 centres (a tail after the blocks of four), two of them identical: a tie
        float[][] x = Fixtures.uniform(301, 37, 5);
        double[][] centres = new double[7][];
        for (int j = 0; j < 7; j++) {
            centres[j] = Vectors.toDouble(x[j * 40]);
        }
        centres[5] = centres[2].clone();
        int[] labels = new int[x.length];
        double[] distance = new double[x.length];

        // When
        new CentreScores(centres).assignExactly(x, Lloyd.rowNorms(x), labels, distance);

        // Then
        for (int i = 0; i < x.length; i++) {
            int expected = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < centres.length; j++) {
                double d = Vectors.squaredDistance(x[i], centres[j]);
                if (d < best) {
                    best = d;
                    expected = j;
                }
            }
            assertEquals(expected, labels[i], "sample " + i);
            assertEquals(best, distance[i], "sample " + i);
            assertTrue(labels[i] != 5, "the tie goes to the lower index 2");
        }
    }

    @Test
    void labelsDoNotDependOnTheThreadCount() throws Exception {
        // Given enough work (n k D >= 4M multiply-adds) for the row blocks to run in parallel
        float[][] x = Fixtures.uniform(2001, 128, 8);
        double[][] centres = new double[20][];
        for (int j = 0; j < 20; j++) {
            centres[j] = Vectors.toDouble(x[j * 97]);
        }
        double[] norms = Lloyd.rowNorms(x);
        int[] one = new int[x.length];
        int[] many = new int[x.length];
        double[] oneDistance = new double[x.length];
        double[] manyDistance = new double[x.length];

        // When
        try (ForkJoinPool single = new ForkJoinPool(1); ForkJoinPool four = new ForkJoinPool(4)) {
            single.submit(() -> new CentreScores(centres).assign(x, norms, one, oneDistance)).get();
            four.submit(() -> new CentreScores(centres).assign(x, norms, many, manyDistance)).get();
        }

        // Then
        assertArrayEquals(one, many);
        assertArrayEquals(oneDistance, manyDistance);
    }

    @Test
    void assignReportsWhetherAnyLabelChanged() {
        // Given labels that are already the nearest centres
        float[][] x = {{0, 0}, {10, 10}, {0, 1}};
        double[][] centres = {{0, 0}, {10, 10}};
        int[] labels = {0, 1, 0};
        double[] distance = new double[3];
        CentreScores scores = new CentreScores(centres);

        // When
        boolean changed = scores.assign(x, Lloyd.rowNorms(x), labels, distance);

        // Then
        assertEquals(false, changed);
        assertArrayEquals(new int[] {0, 1, 0}, labels);
        assertArrayEquals(new double[] {0, 0, 1}, distance, 1e-12);
    }
}
