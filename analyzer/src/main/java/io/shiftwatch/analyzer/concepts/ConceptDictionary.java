package io.shiftwatch.analyzer.concepts;

import io.shiftwatch.analyzer.internal.Vectors;

/**
 * A concept dictionary {@code Z ~= U V} of one model, target token and layer (PAPER.md §2).
 * {@code centroids} [K, D] are the concepts {@code u_k}; {@code assignments} [M] give each fitted
 * sample's most active concept and {@code activations} [M, K] its soft activations
 * {@code v_k(z) = 1/(1 + ||z - u_k||)} (so argmax activation = nearest centroid, ties to the lower
 * k). {@code inertia} is the sum over samples of the squared distance to the assigned centroid.
 * Concepts are in canonical order (largest cluster first, then lexicographic centroid). Arrays
 * are copied on construction and must be treated as read-only; never null.
 */
public record ConceptDictionary(DecompositionMethod method, float[][] centroids, int[] assignments,
                                float[][] activations, double inertia, long seed, int restarts) {

    public ConceptDictionary {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        int d = Vectors.requireMatrix(centroids, "centroids [K, D]");
        int k = centroids.length;
        int m = assignments == null ? -1 : assignments.length;
        int kv = Vectors.requireMatrix(activations, "activations [M, K]");
        if (m != activations.length || kv != k) {
            throw new IllegalArgumentException("activations have shape [" + activations.length + ", " + kv
                    + "], expected [" + m + ", " + k + "] (M assignments, K centroids of dimension " + d + ")");
        }
        for (int i = 0; i < m; i++) {
            if (assignments[i] < 0 || assignments[i] >= k) {
                throw new IllegalArgumentException("assignment of sample " + i + " is " + assignments[i]
                        + ", outside [0, " + k + ")");
            }
        }
        if (!(inertia >= 0) || Double.isInfinite(inertia)) {
            throw new IllegalArgumentException("inertia must be finite and >= 0, got " + inertia);
        }
        centroids = Vectors.copy(centroids);
        assignments = assignments.clone();
        activations = Vectors.copy(activations);
    }

    /** Number of concepts K. */
    public int k() {
        return centroids.length;
    }

    /** Hidden size D. */
    public int dimension() {
        return centroids[0].length;
    }

    /** Number of fitted samples M. */
    public int sampleCount() {
        return assignments.length;
    }

    /** Concept {@code k} (read-only view). */
    public float[] concept(int k) {
        return centroids[k];
    }

    /** Number of fitted samples assigned to each concept [K]. */
    public int[] clusterSizes() {
        int[] sizes = new int[k()];
        for (int a : assignments) {
            sizes[a]++;
        }
        return sizes;
    }

    /** Soft activation {@code 1/(1 + ||z - u||)} (PAPER.md §2), in (0, 1]. */
    public static double softActivation(float[] z, float[] u) {
        return 1.0 / (1.0 + Math.sqrt(Vectors.squaredDistance(z, u)));
    }

    /** Soft activations [n, K] of arbitrary states {@code z} [n, D] on this dictionary's concepts. */
    public float[][] activate(float[][] z) {
        int d = Vectors.requireMatrix(z, "states [n, D]");
        requireDimension(d);
        float[][] v = new float[z.length][k()];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < k(); j++) {
                v[i][j] = (float) softActivation(z[i], centroids[j]);
            }
        }
        return v;
    }

    /** Most active (= nearest) concept of each state {@code z} [n, D]; ties go to the lower concept index. */
    public int[] nearestConcepts(float[][] z) {
        int d = Vectors.requireMatrix(z, "states [n, D]");
        requireDimension(d);
        int[] nearest = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k(); j++) {
                double dist = Vectors.squaredDistance(z[i], centroids[j]);
                if (dist < best) {
                    best = dist;
                    nearest[i] = j;
                }
            }
        }
        return nearest;
    }

    private void requireDimension(int d) {
        if (d != dimension()) {
            throw new IllegalArgumentException("states have dimension D = " + d
                    + " but the dictionary's concepts have D = " + dimension());
        }
    }
}
