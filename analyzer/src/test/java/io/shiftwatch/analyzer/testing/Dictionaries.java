package io.shiftwatch.analyzer.testing;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.DecompositionMethod;

/** Hand-made dictionaries for tests: given centroids, fitted on given samples. */
public final class Dictionaries {
    private Dictionaries() {
    }

    /** A dictionary with {@code centroids} [K, D] whose fitted samples are {@code z} [M, D]. */
    public static ConceptDictionary of(float[][] centroids, float[][] z) {
        ConceptDictionary probe = new ConceptDictionary(DecompositionMethod.KMEANS, centroids, new int[] {0},
                new float[1][centroids.length], 0, 0, 1);
        return new ConceptDictionary(DecompositionMethod.KMEANS, centroids, probe.nearestConcepts(z),
                probe.activate(z), 0, 0, 1);
    }
}
