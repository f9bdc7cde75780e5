package io.shiftwatch.analyzer.concepts;

import io.shiftwatch.analyzer.concepts.internal.CanonicalOrder;
import io.shiftwatch.analyzer.concepts.internal.ExactDistances;
import io.shiftwatch.analyzer.concepts.internal.Lloyd;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The default concept decomposition (PAPER.md §2): K-Means with greedy k-means++ seeding and
 * {@link KMeansConfig#restarts()} restarts, keeping the lowest inertia (ties: the earlier restart).
 * Our own Lloyd implementation, not Smile's: Smile 6.3 draws from a thread-local RNG that its
 * parallel restarts do not inherit and updates cluster sizes from a parallel stream, so it is
 * neither repeatable nor thread-safe. Restart {@code r} draws from {@code SplittableRandom(seed + r * golden)}.
 * Samples are clustered in canonical (lexicographic) order, so the dictionary does not depend on
 * the order of the probe set; concepts are numbered canonically (see {@link ConceptDictionary}).
 */
public final class KMeansDictionary implements ConceptDecomposition {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final KMeansConfig config;

    public KMeansDictionary(KMeansConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    @Override
    public ConceptDictionary decompose(float[][] z) {
        return fit(z, config);
    }

    /**
     * Fits K-Means on {@code z} [M, D]. Same {@code z} (in any row order) and same config give the
     * same dictionary, bit for bit.
     *
     * @throws IllegalArgumentException when z is not rectangular, contains NaN/Inf, or has fewer
     *                                  than K distinct samples
     */
    public static ConceptDictionary fit(float[][] z, KMeansConfig cfg) {
        Vectors.requireMatrix(z, "z [M samples, D]");
        requireFinite(z);
        if (cfg.k() > z.length) {
            throw new IllegalArgumentException("cannot fit K = " + cfg.k() + " concepts on M = " + z.length
                    + " samples: lower K or use more probe samples");
        }
        int[] order = CanonicalOrder.samples(z);
        int distinct = CanonicalOrder.distinctRows(z, order);
        if (distinct < cfg.k()) {
            throw new IllegalArgumentException("cannot fit K = " + cfg.k() + " concepts: z has only "
                    + distinct + " distinct samples out of " + z.length);
        }
        float[][] sorted = new float[z.length][];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = z[order[i]];
        }
        List<Lloyd.Run> runs = IntStream.range(0, cfg.restarts()).parallel()
                .mapToObj(r -> Lloyd.run(sorted, cfg.k(), cfg.maxIterations(), cfg.tolerance(),
                        cfg.seed() + r * GOLDEN_GAMMA))
                .toList();
        Lloyd.Run best = runs.stream().min(Comparator.comparingDouble(Lloyd.Run::inertia)).orElseThrow();
        return toDictionary(z, order, best, cfg);
    }

    private static ConceptDictionary toDictionary(float[][] z, int[] order, Lloyd.Run run, KMeansConfig cfg) {
        int[] conceptOrder = CanonicalOrder.concepts(run.centroids(), run.labels());
        int k = conceptOrder.length;
        float[][] centroids = new float[k][];
        for (int j = 0; j < k; j++) {
            centroids[j] = Vectors.toFloat(run.centroids()[conceptOrder[j]]);
        }
        // Assign against the stored (float) centroids so the dictionary is self-consistent:
        // assignments == argmax activations == nearestConcepts(z) (same exact distances, bit for bit).
        int[] assignments = new int[z.length];
        float[][] activations = new float[z.length][k];
        double[] nearest = new double[z.length];
        IntStream.range(0, z.length).parallel().forEach(i -> {
            double[] d2 = new double[k];
            ExactDistances.fromRow(z[i], centroids, d2);
            nearest[i] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                activations[i][j] = (float) (1.0 / (1.0 + Math.sqrt(d2[j])));
                if (d2[j] < nearest[i]) {
                    nearest[i] = d2[j];
                    assignments[i] = j;
                }
            }
        });
        double inertia = 0;
        for (int i : order) { // canonical order: the sum must not depend on the probe-set order
            inertia += nearest[i];
        }
        return new ConceptDictionary(DecompositionMethod.KMEANS, centroids, assignments, activations,
                inertia, cfg.seed(), cfg.restarts());
    }

    private static void requireFinite(float[][] z) {
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                if (!Float.isFinite(z[i][j])) {
                    throw new IllegalArgumentException("z [M, D] has a non-finite value " + z[i][j]
                            + " at sample " + i + ", dimension " + j + ": the states are corrupt");
                }
            }
        }
    }
}
