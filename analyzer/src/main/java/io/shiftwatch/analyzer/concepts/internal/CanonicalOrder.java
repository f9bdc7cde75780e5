package io.shiftwatch.analyzer.concepts.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders that make a dictionary independent of incidental orderings: samples are clustered in
 * lexicographic order of their values (so a permutation of the probe set cannot change the
 * result), and concepts are numbered by cluster size (descending), then lexicographically by
 * centroid (so results do not depend on the labels a run happened to produce).
 */
public final class CanonicalOrder {
    private CanonicalOrder() {
    }

    /** Sample indices sorted by row values (lexicographic, {@link Float#compare} per element); stable. */
    public static int[] samples(float[][] z) {
        Integer[] idx = new Integer[z.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Arrays.compare(z[p], z[q]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Number of distinct rows of {@code z}, given its {@link #samples} order. */
    public static int distinctRows(float[][] z, int[] sortedOrder) {
        int distinct = 1;
        for (int i = 1; i < sortedOrder.length; i++) {
            if (Arrays.compare(z[sortedOrder[i - 1]], z[sortedOrder[i]]) != 0) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Concept order: old label of new concept 0, 1, ...; by size descending then centroid values. */
    public static int[] concepts(double[][] centroids, int[] labels) {
        int k = centroids.length;
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        Integer[] idx = new Integer[k];
        for (int j = 0; j < k; j++) {
            idx[j] = j;
        }
        Comparator<Integer> bySize = Comparator.comparingInt(j -> -sizes[j]);
        Arrays.sort(idx, bySize.thenComparing((p, q) -> Arrays.compare(centroids[p], centroids[q])));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
