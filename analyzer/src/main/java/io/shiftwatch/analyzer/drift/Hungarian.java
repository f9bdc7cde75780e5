package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.internal.Vectors;
import java.util.Arrays;

/**
 * Minimum-cost one-to-one assignment (Kuhn–Munkres with potentials, O(n^2 m) for n <= m), used
 * for the concept matching {@code pi} of PAPER.md §4 on the cost {@code -cos(u^a_k, u^b_j)}.
 * Rectangular costs are allowed: with more rows than columns the surplus rows stay unassigned
 * (-1). Costs [rows, cols] must be finite. Deterministic for the same cost matrix.
 */
public final class Hungarian {
    private Hungarian() {
    }

    /** Column assigned to each row [rows], -1 for unassigned rows; minimises the total cost. */
    public static int[] minimise(double[][] cost) {
        int cols = Vectors.requireMatrix(cost, "cost [rows, cols]");
        for (int i = 0; i < cost.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost [" + i + ", " + j + "] is " + cost[i][j] + ", must be finite");
                }
            }
        }
        if (cost.length <= cols) {
            return solve(cost, cost.length, cols, false);
        }
        return invert(solve(cost, cols, cost.length, true), cost.length);
    }

    /** Sum of {@code cost[i][assignment[i]]} over assigned rows. */
    public static double totalCost(double[][] cost, int[] assignment) {
        double total = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] >= 0) {
                total += cost[i][assignment[i]];
            }
        }
        return total;
    }

    /** Assignment for an n x m problem (n <= m); {@code transposed} reads cost[j][i] as entry (i, j). */
    private static int[] solve(double[][] cost, int n, int m, boolean transposed) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1]; // 1-based row matched to column j; 0 = free
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double c = entry(cost, i0 - 1, j - 1, transposed) - u[i0] - v[j];
                        if (c < minv[j]) {
                            minv[j] = c;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] columnOfRow = new int[n];
        Arrays.fill(columnOfRow, -1);
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnOfRow;
    }

    private static double entry(double[][] cost, int i, int j, boolean transposed) {
        return transposed ? cost[j][i] : cost[i][j];
    }

    private static int[] invert(int[] assignment, int size) {
        int[] inverse = new int[size];
        Arrays.fill(inverse, -1);
        for (int i = 0; i < assignment.length; i++) {
            inverse[assignment[i]] = i;
        }
        return inverse;
    }
}
