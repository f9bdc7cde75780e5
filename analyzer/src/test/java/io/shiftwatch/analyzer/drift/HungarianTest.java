package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiftwatch.analyzer.testing.Fixtures;
import org.junit.jupiter.api.Test;

class HungarianTest {

    @Test
    void solvesAHandComputedSquareProblem() {
        // Given; by hand the 6 permutations cost 4+0+2=6, 4+5+2=11, 1+2+2=5, 1+5+3=9, 3+2+2=7, 3+0+3=6
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};

        // When
        int[] assignment = Hungarian.minimise(cost);

        // Then rows → columns 1, 0, 2 with total 5
        assertArrayEquals(new int[] {1, 0, 2}, assignment);
        assertEquals(5.0, Hungarian.totalCost(cost, assignment));
    }

    @Test
    void matchesBruteForceOnRandomSquareMatrices() {
        for (long seed = 0; seed < 30; seed++) {
            // Given
            double[][] cost = Fixtures.costs(6, 6, seed);

            // When
            int[] assignment = Hungarian.minimise(cost);

            // Then
            assertEquals(bruteForce(cost), Hungarian.totalCost(cost, assignment), 1e-12, "seed " + seed);
        }
    }

    @Test
    void matchesBruteForceOnWideAndTallMatrices() {
        for (long seed = 0; seed < 30; seed++) {
            // Given 4 x 7 and its transpose 7 x 4
            double[][] wide = Fixtures.costs(4, 7, seed);
            double[][] tall = Fixtures.transpose(wide);

            // When
            int[] wideAssignment = Hungarian.minimise(wide);
            int[] tallAssignment = Hungarian.minimise(tall);

            // Then every short-side row is assigned once, the surplus of the tall side is -1
            double best = bruteForce(wide);
            assertEquals(best, Hungarian.totalCost(wide, wideAssignment), 1e-12, "wide, seed " + seed);
            assertEquals(best, Hungarian.totalCost(tall, tallAssignment), 1e-12, "tall, seed " + seed);
            assertEquals(3, java.util.Arrays.stream(tallAssignment).filter(c -> c < 0).count());
            assertEquals(4, java.util.Arrays.stream(tallAssignment).filter(c -> c >= 0).distinct().count());
        }
    }

    /** Minimum over all injective row → column maps (rows <= cols). */
    private static double bruteForce(double[][] cost) {
        return search(cost, 0, new boolean[cost[0].length]);
    }

    private static double search(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
