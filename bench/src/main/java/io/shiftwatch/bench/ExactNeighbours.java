package io.shiftwatch.bench;

import io.shiftwatch.migrations.VectorSearch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Exact top-k cosine neighbours by brute force, for recall@k. Stored rows get ids 1..n in insert
 * order (the identity column of a fresh table), so ids are compared as {@code row index + 1}.
 */
final class ExactNeighbours {
    private final float[][] stored;
    private final double[] norms;

    ExactNeighbours(float[][] stored) {
        this.stored = stored;
        this.norms = new double[stored.length];
        for (int i = 0; i < stored.length; i++) {
            norms[i] = Math.sqrt(dot(stored[i], stored[i]));
        }
    }

    /** Fraction of the exact top-{@code k} ids that {@code hits} contains. */
    double recall(float[] query, List<VectorSearch.Hit> hits, int k) {
        double[] cos = new double[stored.length];
        IntStream.range(0, stored.length).parallel().forEach(i -> cos[i] = dot(query, stored[i]) / norms[i]);
        Integer[] order = IntStream.range(0, stored.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cos[b], cos[a]));
        Set<String> truth = new HashSet<>();
        for (int i = 0; i < k; i++) {
            truth.add(Long.toString(order[i] + 1L));
        }
        long found = hits.stream().filter(h -> truth.contains(h.id())).count();
        return (double) found / k;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
