package io.shiftwatch.analyzer.concepts;

/**
 * Hyperparameters of the K-Means concept dictionary (PAPER.md §2): {@code k} concepts (default 20),
 * {@code restarts} independent k-means++ initialisations of which the lowest inertia is kept
 * (default 10), at most {@code maxIterations} Lloyd iterations per restart (default 300), the
 * relative {@code tolerance} on the squared centroid movement (scaled by the mean per-dimension
 * variance of the data, as scikit-learn does; default 1e-4, 0 = iterate until no assignment
 * changes), and the {@code seed} from which every random choice derives.
 */
public record KMeansConfig(int k, int restarts, int maxIterations, double tolerance, long seed) {

    public static final int DEFAULT_K = 20;
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public KMeansConfig {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 concept, got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        }
    }

    /** The defaults (K = 20, 10 restarts, 300 iterations, tolerance 1e-4) with the given seed. */
    public static KMeansConfig defaults(long seed) {
        return new KMeansConfig(DEFAULT_K, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, seed);
    }

    /** The same configuration with another number of concepts. */
    public KMeansConfig withK(int newK) {
        return new KMeansConfig(newK, restarts, maxIterations, tolerance, seed);
    }

    /** The same configuration with another seed. */
    public KMeansConfig withSeed(long newSeed) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, newSeed);
    }
}
