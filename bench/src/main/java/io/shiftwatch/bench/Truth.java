package io.shiftwatch.bench;

import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact top-k ids of each benchmark query and the latency of the exact scan in the database.
 * The ids come from a brute force over the regenerated rows in Java ({@link BruteForce}: float dot
 * products, then the best candidates re-scored in double and the answer certified against the float
 * rounding bound; row i has id i + 1 in a freshly truncated table loaded in order), because a
 * sequential scan per query costs seconds at 100k rows. The database's own exact scan
 * ({@link VectorSearch#exactNearest}) is timed on the first {@code timed} queries — the baseline —
 * and its answers are compared with the brute force ({@code agreement}, 1.0 = identical top-k sets).
 */
record Truth(List<Set<String>> topIds, double exactP50Millis, double agreement) {

    static Truth of(Connection c, ConceptVectorSet set, int n, int queries, int timed, int k) throws SQLException {
        float[][] asked = new float[queries][];
        for (int q = 0; q < queries; q++) asked[q] = set.query(q);
        List<Set<String>> ids = BruteForce.topIds(set, n, asked, k);
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

    static Set<String> idsOf(long[] rows) {
        Set<String> ids = new HashSet<>();
        for (long r : rows) ids.add(Long.toString(r + 1));
        return ids;
    }
}
