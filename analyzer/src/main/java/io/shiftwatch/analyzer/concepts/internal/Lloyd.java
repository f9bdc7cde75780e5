package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One seeded K-Means run: greedy k-means++ seeding then Lloyd iterations, everything accumulated
 * in double (the distance step is the blocked product of {@link CentreScores}). Stops when no assignment changes, when the total squared centroid movement falls to
 * {@code tolerance * mean per-dimension variance}, or after {@code maxIterations}; then assigns
 * every sample to its nearest final centroid with exact squared distances (ties: lowest index).
 * An empty cluster takes the sample farthest from its own centroid (ties: lowest sample index).
 */
public final class Lloyd {
    private Lloyd() {
    }

    /** Result of one run: centroids [k, D], labels [n], inertia = sum of squared distances to own centroid. */
    public record Run(double[][] centroids, int[] labels, double inertia, int iterations) {
    }

    /** Runs K-Means on {@code x} [n, D] (n >= k distinct rows, checked by the caller). */
    public static Run run(float[][] x, int k, int maxIterations, double tolerance, long seed) {
        double[][] centres = KMeansPlusPlus.init(x, k, new SplittableRandom(seed));
        double threshold = tolerance * meanVariance(x);
        int n = x.length;
        double[] rowNorms = rowNorms(x);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        double[] distance = new double[n];
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            boolean changed = new CentreScores(centres).assign(x, rowNorms, labels, distance);
            if (!changed) {
                break;
            }
            double movement = update(x, centres, labels, distance);
            if (movement <= threshold) {
                break;
            }
        }
        return finish(x, rowNorms, centres, iteration);
    }

    private static Run finish(float[][] x, double[] rowNorms, double[][] centres, int iterations) {
        int n = x.length;
        int[] labels = new int[n];
        double[] distance = new double[n];
        new CentreScores(centres).assignExactly(x, rowNorms, labels, distance);
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += distance[i];
        }
        return new Run(centres, labels, inertia, iterations);
    }

    /** {@code ||x_i||^2} of every row, in double. */
    static double[] rowNorms(float[][] x) {
        double[] norms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            norms[i] = Vectors.dot(x[i], x[i]);
        }
        return norms;
    }

    /** Moves centres to the means of their samples, re-seeds empty ones; returns the total squared movement. */
    private static double update(float[][] x, double[][] centres, int[] labels, double[] distance) {
        int k = centres.length;
        int d = centres[0].length;
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (int i = 0; i < x.length; i++) {
            FourByFour.addTo(x[i], sums[labels[i]]);
            counts[labels[i]]++;
        }
        boolean[] taken = new boolean[x.length];
        double movement = 0;
        for (int j = 0; j < k; j++) {
            double[] next;
            if (counts[j] == 0) {
                int far = farthest(distance, taken);
                taken[far] = true;
                next = Vectors.toDouble(x[far]);
            } else {
                next = sums[j];
                for (int c = 0; c < d; c++) {
                    next[c] /= counts[j];
                }
            }
            movement += Vectors.squaredDistance(next, centres[j]);
            centres[j] = next;
        }
        return movement;
    }

    private static int farthest(double[] distance, boolean[] taken) {
        int far = -1;
        for (int i = 0; i < distance.length; i++) {
            if (!taken[i] && (far < 0 || distance[i] > distance[far])) {
                far = i;
            }
        }
        return far;
    }

    /** Mean over dimensions of the per-dimension variance of {@code x}. */
    static double meanVariance(float[][] x) {
        double[] mean = Vectors.mean(x);
        double s = 0;
        for (float[] row : x) {
            for (int c = 0; c < mean.length; c++) {
                double v = row[c] - mean[c];
                s += v * v;
            }
        }
        return s / ((double) x.length * mean.length);
    }
}
