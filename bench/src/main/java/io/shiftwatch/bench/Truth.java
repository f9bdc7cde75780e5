package io.shiftwatch.bench;

import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact top-k ids of each benchmark query, from {@link VectorSearch#exactNearest} (a sequential
 * scan in the database: the same rows, the same float arithmetic as the index), and the latency of
 * that exact scan — the baseline every approximate figure is compared with.
 */
record Truth(List<Set<String>> topIds, double exactP50Millis) {

    static Truth of(Connection c, ConceptVectorSet set, int queries, int k) throws SQLException {
        List<Set<String>> ids = new ArrayList<>(queries);
        double[] ms = new double[queries];
        for (int q = 0; q < queries; q++) {
            long t = System.nanoTime();
            List<VectorSearch.Hit> hits = VectorSearch.exactNearest(c, VectorTable.CONCEPTS, set.query(q), k);
            ms[q] = Timing.secondsSince(t) * 1000;
            Set<String> top = new HashSet<>();
            hits.forEach(h -> top.add(h.id()));
            ids.add(top);
            if ((q + 1) % 20 == 0) System.err.printf("pgvector: D=%d exact answers %d/%d%n", set.dim(), q + 1, queries);
        }
        return new Truth(ids, Timing.median(ms));
    }

    int queries() {
        return topIds.size();
    }

    /** Share of query {@code q}'s exact top k that {@code hits} contains. */
    double recall(int q, List<VectorSearch.Hit> hits) {
        Set<String> truth = topIds.get(q);
        return (double) hits.stream().filter(h -> truth.contains(h.id())).count() / truth.size();
    }
}
