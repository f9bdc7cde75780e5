package io.shiftwatch.bench;

import java.util.SplittableRandom;

/**
 * A deterministic, streamed set of stored vectors and query vectors of width {@code dim}, generated
 * row by row from the seed (a million rows of width 4,096 never sit in memory at once).
 * <ul>
 *   <li>{@link Kind#CLUSTERED}: like concept dictionaries — {@code centres} concepts with N(0, 1)
 *       coordinates, row i is centre (i mod centres) plus N(0, noise²) per coordinate (the same concept
 *       seen in many checkpoints); a query is a fresh member of a seeded-random centre, so its true
 *       neighbours are its concept's other members.</li>
 *   <li>{@link Kind#GAUSSIAN}: every row and query i.i.d. N(0, 1) — near-orthogonal in high dimension,
 *       the worst case for HNSW and for sign quantisation, not what concept vectors look like.</li>
 * </ul>
 */
record ConceptVectorSet(Kind kind, int dim, int centres, double noise, long seed, float[][] centreRows) {
    enum Kind { CLUSTERED, GAUSSIAN }

    private static final long QUERY_STREAM = 0x5DEECE66DL;

    static ConceptVectorSet of(Kind kind, int dim, int centres, double noise, long seed) {
        if (dim <= 0 || centres <= 0 || !(noise >= 0)) {
            throw new IllegalArgumentException("vector set needs dim > 0, centres > 0, noise >= 0; got " + dim + ", " + centres + ", " + noise);
        }
        float[][] c = new float[kind == Kind.CLUSTERED ? centres : 0][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < c.length; i++) c[i] = gaussian(random, dim, 1.0);
        return new ConceptVectorSet(kind, dim, centres, noise, seed, c);
    }

    static Kind kind(String name) {
        return switch (name) {
            case "clustered" -> Kind.CLUSTERED;
            case "gaussian" -> Kind.GAUSSIAN;
            default -> throw new IllegalArgumentException("--data must be clustered or gaussian, got '" + name + "'");
        };
    }

    /** Stored row {@code i} (0-based). */
    float[] row(long i) {
        SplittableRandom random = new SplittableRandom(mix(seed, i));
        return member(random, kind == Kind.CLUSTERED ? centreRows[(int) (i % centres)] : null);
    }

    /** Query {@code q}: never one of the stored rows. */
    float[] query(int q) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ QUERY_STREAM, q));
        return member(random, kind == Kind.CLUSTERED ? centreRows[random.nextInt(centres)] : null);
    }

    private float[] member(SplittableRandom random, float[] centre) {
        if (centre == null) return gaussian(random, dim, 1.0);
        float[] v = gaussian(random, dim, noise);
        for (int j = 0; j < dim; j++) v[j] += centre[j];
        return v;
    }

    String describe() {
        return kind == Kind.CLUSTERED ? "clustered (" + centres + " centres, noise " + noise + ")" : "gaussian";
    }

    private static float[] gaussian(SplittableRandom random, int dim, double sigma) {
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) v[j] = (float) (sigma * random.nextGaussian());
        return v;
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 27);
    }
}
