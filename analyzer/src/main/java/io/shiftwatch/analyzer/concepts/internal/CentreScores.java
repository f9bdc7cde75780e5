package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * Lloyd's distance step as a register-blocked matrix product (PAPER.md §2, with
 * {@code ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2}): the score of row {@code x_i} [D] against centre
 * {@code c_j} [D] is {@code ||c_j||^2 - 2 x_i . c_j} (the row's own norm is common to all centres).
 * Four rows by four centres are multiplied at a time ({@link FourByFour}, 512-bit vectors where
 * the hardware has them), so every loaded value feeds several fused multiply-adds; row blocks run
 * in parallel. Every dot product has one definition (eight FMA lane chains in double, summed in a
 * fixed order), whichever kernel, block or thread computes it, so scores and labels do not depend
 * on the thread count.
 */
public final class CentreScores {
    /** Relative bound used to find near-ties that must be settled by exact distances. */
    private static final double TIE_MARGIN = 1e-14;

    private final double[][] centres;
    private final double[] norms;
    private final double maxNorm;

    /** Scores against {@code centres} [k, D]; the array is used as is (not copied), do not change it. */
    public CentreScores(double[][] centres) {
        this.centres = centres;
        this.norms = new double[centres.length];
        double max = 0;
        for (int j = 0; j < centres.length; j++) {
            norms[j] = Vectors.dot(centres[j], centres[j]);
            max = Math.max(max, norms[j]);
        }
        this.maxNorm = max;
    }

    /**
     * Nearest centre of every row of {@code x} [n, D] by score: {@code labels[i]} (ties: lowest
     * index) and {@code distance[i] = max(0, ||x_i||^2 + score)} (an approximation of the squared
     * distance, exact up to rounding). Returns whether any label differs from what was in {@code labels}.
     */
    public boolean assign(float[][] x, double[] rowNorms, int[] labels, double[] distance) {
        int k = centres.length;
        boolean[] changed = new boolean[1];
        RowBlocks.forEach(x.length, (long) k * x[0].length, (from, to) -> {
            boolean blockChanged = false;
            double[][] dots = new double[FourByFour.ROWS][k];
            for (int i = from; i < to; i += FourByFour.ROWS) {
                int rows = FourByFour.rowsByCentres(x, i, to, centres, dots);
                for (int r = 0; r < rows; r++) {
                    int label = lowestScore(dots[r]);
                    distance[i + r] = Math.max(0, rowNorms[i + r] + norms[label] - 2 * dots[r][label]);
                    blockChanged |= labels[i + r] != label;
                    labels[i + r] = label;
                }
            }
            if (blockChanged) {
                changed[0] = true; // only ever set to true: the race is benign
            }
        });
        return changed[0];
    }

    /**
     * Nearest centre of every row by EXACT squared distance (ties: lowest index), as an exhaustive
     * search would find it: scores pick the candidates, and every centre whose score is within the
     * rounding bound of the best is re-checked exactly. Writes {@code labels[i]} and {@code distance[i]}.
     */
    public void assignExactly(float[][] x, double[] rowNorms, int[] labels, double[] distance) {
        int k = centres.length;
        int d = x[0].length;
        RowBlocks.forEach(x.length, (long) k * d, (from, to) -> {
            double[][] dots = new double[FourByFour.ROWS][k];
            for (int i = from; i < to; i += FourByFour.ROWS) {
                int rows = FourByFour.rowsByCentres(x, i, to, centres, dots);
                for (int r = 0; r < rows; r++) {
                    double margin = TIE_MARGIN * d * (rowNorms[i + r] + maxNorm);
                    settle(x[i + r], dots[r], margin, i + r, labels, distance);
                }
            }
        });
    }

    private void settle(float[] row, double[] dots, double margin, int i, int[] labels, double[] distance) {
        int best = lowestScore(dots);
        double bound = score(dots, best) + margin;
        double exact = Double.POSITIVE_INFINITY;
        int label = best;
        for (int j = 0; j < dots.length; j++) {
            if (score(dots, j) <= bound) {
                double e = Vectors.squaredDistance(row, centres[j]);
                if (e < exact) {
                    exact = e;
                    label = j;
                }
            }
        }
        labels[i] = label;
        distance[i] = exact;
    }

    private double score(double[] dots, int j) {
        return norms[j] - 2 * dots[j];
    }

    private int lowestScore(double[] dots) {
        int best = 0;
        double bestScore = score(dots, 0);
        for (int j = 1; j < dots.length; j++) {
            double s = score(dots, j);
            if (s < bestScore) {
                bestScore = s;
                best = j;
            }
        }
        return best;
    }
}
