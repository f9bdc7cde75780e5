package io.shiftwatch.bench;

import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The exact top-k ids of each benchmark query and the latency of the exact scan in the database.
 * The ids come from a brute force over the regenerated rows in Java (double accumulation; row i has
 * id i + 1 in a freshly truncated table loaded in order), because a sequential scan per query costs
 * seconds at 100k rows on a shared machine. The database's own exact scan
 * ({@link VectorSearch#exactNearest}) is timed on the first {@code timed} queries — the baseline —
 * and its answers are compared with the brute force ({@code agreement}, 1.0 = identical top-k sets).
 */
record Truth(List<Set<String>> topIds, double exactP50Millis, double agreement) {

    static Truth of(Connection c, ConceptVectorSet set, int n, int queries, int timed, int k) throws SQLException {
        float[][] asked = new float[queries][];
        for (int q = 0; q < queries; q++) asked[q] = set.query(q);
        List<Set<String>> ids = bruteForce(set, n, asked, k);
        double[] ms = new double[Math.min(timed, queries)];
        double agree = 0;
        for (int q = 0; q < ms.length; q++) {
            long t = System.nanoTime();
            List<VectorSearch.Hit> hits = VectorSearch.exactNearest(c, VectorTable.CONCEPTS, asked[q], k);
            ms[q] = Timing.secondsSince(t) * 1000;
            agree += new Truth(ids, 0, 0).recall(q, hits);
            System.err.printf("pgvector: D=%d exact scan %d/%d: %.0f ms%n", set.dim(), q + 1, ms.length, ms[q]);
        }
        return new Truth(ids, Timing.median(ms), agree / ms.length);
    }

    int queries() {
        return topIds.size();
    }

    /** Share of query {@code q}'s exact top k that {@code hits} contains. */
    double recall(int q, List<VectorSearch.Hit> hits) {
        Set<String> truth = topIds.get(q);
        return (double) hits.stream().filter(h -> truth.contains(h.id())).count() / truth.size();
    }

    private record Scored(long row, double cosine) {
    }

    // One pass over the rows (regenerated, in parallel chunks), a bounded min-heap per query and chunk.
    private static List<Set<String>> bruteForce(ConceptVectorSet set, int n, float[][] asked, int k) {
        int chunks = 64;
        long t0 = System.nanoTime();
        List<List<PriorityQueue<Scored>>> partial = IntStream.range(0, chunks).parallel()
                .mapToObj(ch -> scan(set, (long) n * ch / chunks, (long) n * (ch + 1) / chunks, asked, k)).toList();
        List<Set<String>> ids = new ArrayList<>(asked.length);
        for (int q = 0; q < asked.length; q++) {
            PriorityQueue<Scored> best = new PriorityQueue<>((a, b) -> Double.compare(a.cosine(), b.cosine()));
            for (List<PriorityQueue<Scored>> p : partial) for (Scored s : p.get(q)) offer(best, s, k);
            Set<String> top = new HashSet<>();
            best.forEach(s -> top.add(Long.toString(s.row() + 1)));
            ids.add(top);
        }
        System.err.printf("pgvector: D=%d brute-force truth for %d queries over %d rows in %.1f s%n",
                set.dim(), asked.length, n, Timing.secondsSince(t0));
        return ids;
    }

    private static List<PriorityQueue<Scored>> scan(ConceptVectorSet set, long from, long to, float[][] asked, int k) {
        List<PriorityQueue<Scored>> heaps = new ArrayList<>(asked.length);
        for (int q = 0; q < asked.length; q++) heaps.add(new PriorityQueue<>((a, b) -> Double.compare(a.cosine(), b.cosine())));
        for (long i = from; i < to; i++) {
            float[] row = set.row(i);
            double norm = Math.sqrt(dot(row, row));
            for (int q = 0; q < asked.length; q++) offer(heaps.get(q), new Scored(i, dot(row, asked[q]) / norm), k);
        }
        return heaps;
    }

    private static void offer(PriorityQueue<Scored> heap, Scored s, int k) {
        if (heap.size() < k) heap.add(s);
        else if (s.cosine() > heap.peek().cosine()) {
            heap.poll();
            heap.add(s);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
