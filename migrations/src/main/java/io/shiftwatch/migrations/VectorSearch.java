package io.shiftwatch.migrations;

import com.pgvector.PGvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Nearest-neighbour search by cosine similarity over a {@link VectorTable}, written so that the
 * per-dimension index of {@link VectorIndexes} is used, HNSW or IVFFlat ({@link IndexMethod}): same expression, same
 * {@code dim = N} predicate. Full-precision widths are answered by the index directly; the halfvec, halfvec-prefix and
 * binary-quantised schemes over-fetch {@code k * overfetch} candidates from the index and re-rank them
 * by exact cosine on the stored vectors, so every returned similarity is exact.
 *
 * <p>Each search runs in a transaction of its own (or the caller's, when auto-commit is off) and sets
 * {@code hnsw.ef_search}, {@code hnsw.iterative_scan}, {@code ivfflat.probes} and {@code ivfflat.iterative_scan} with
 * {@code SET LOCAL} semantics: the settings
 * never leak into the connection's later statements (a pooled connection keeps no surprise).
 */
public final class VectorSearch {
    private VectorSearch() {
    }

    /** One hit: the row id (as text) and its cosine similarity to the query, in [-1, 1]. */
    public record Hit(String id, double cosine) {
    }

    /** The SQL used for a query of width {@code dim} (exposed so tests can EXPLAIN it). */
    public static String querySql(VectorTable table, int dim) {
        return querySql(table, dim, VectorIndexes.schemeFor(dim));
    }

    /** The SQL of a query of width {@code dim} through the index of {@code scheme}. */
    public static String querySql(VectorTable table, int dim, VectorIndexes.Scheme scheme) {
        String expr = VectorIndexes.indexedExpression(table, dim, scheme);
        String id = table.idColumn();
        String from = " FROM " + table.table() + " WHERE dim = " + dim;
        int prefix = VectorIndexes.MAX_HALFVEC_DIM;
        return switch (scheme) {
            case VECTOR -> "SELECT " + id + "::text, 1 - (" + expr + " <=> ?::vector(" + dim + "))" + from
                    + " ORDER BY " + expr + " <=> ?::vector(" + dim + ") LIMIT ?";
            case HALFVEC -> reranked(table, from, expr + " <=> ?::halfvec(" + dim + ")");
            case HALFVEC_PREFIX -> reranked(table, from, expr + " <=> subvector(?::vector, 1, " + prefix + ")::halfvec(" + prefix + ")");
            case BINARY_QUANTIZED -> reranked(table, from, expr + " <~> binary_quantize(?::vector)::bit(" + dim + ")");
        };
    }

    // The exact distance is computed once per candidate, inside the index scan's projection: a stored
    // vector above 2 kB is TOASTed, and every extra reference to it would fetch and rebuild it again.
    private static String reranked(VectorTable table, String from, String indexOrder) {
        return "SELECT id, 1 - distance FROM (SELECT " + table.idColumn() + "::text AS id, " + table.vectorColumn()
                + " <=> ?::vector AS distance" + from + " ORDER BY " + indexOrder + " LIMIT ?) candidates ORDER BY distance LIMIT ?";
    }

    /** The exact top-{@code k} by a full scan (no index; the baseline approximate answers are judged by). */
    public static String exactSql(VectorTable table, int dim) {
        return "SELECT " + table.idColumn() + "::text, 1 - (" + table.vectorColumn() + " <=> ?::vector) FROM " + table.table()
                + " WHERE dim = " + dim + " ORDER BY " + table.vectorColumn() + " <=> ?::vector, " + table.idColumn() + " LIMIT ?";
    }

    /** The {@code k} rows most similar to {@code query} among rows of the same width, best first (default tuning). */
    public static List<Hit> nearest(Connection connection, VectorTable table, float[] query, int k) throws SQLException {
        return nearest(connection, table, query, k, SearchTuning.defaults(query.length));
    }

    /** As {@link #nearest(Connection, VectorTable, float[], int)} with an explicit tuning (benchmarks sweep it). */
    public static List<Hit> nearest(Connection connection, VectorTable table, float[] query, int k, SearchTuning tuning)
            throws SQLException {
        return nearest(connection, table, query, k, tuning, VectorIndexes.schemeFor(query.length));
    }

    /** As above through the index of {@code scheme} (which must exist; benchmarks compare schemes). */
    public static List<Hit> nearest(Connection connection, VectorTable table, float[] query, int k, SearchTuning tuning,
            VectorIndexes.Scheme scheme) throws SQLException {
        requirePositive(k);
        int dim = query.length;
        String sql = querySql(table, dim, scheme);
        int candidates = scheme.reranked() ? tuning.candidates(k) : k;
        // Re-ranked candidates are re-sorted anyway, so the cheaper relaxed order is enough for them.
        String iterative = scheme.reranked() ? "relaxed_order" : "strict_order";
        return Transactions.run(connection, () -> {
            approximateSettings(connection, tuning, k, iterative);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, query, candidates, scheme.reranked() ? k : -1);
                return bestFirst(hits(ps, k));
            }
        });
    }

    // An IVFFlat scan that runs out of rows in its probed lists goes on to further lists (iterative scan, relaxed order),
    // so rows after the first batch can come out of order; re-sorting restores "best first" (a no-op otherwise).
    private static List<Hit> bestFirst(List<Hit> hits) {
        hits.sort(Comparator.comparingDouble(Hit::cosine).reversed());
        return hits;
    }

    /**
     * The plan PostgreSQL chooses for {@link #nearest(Connection, VectorTable, float[], int, SearchTuning, VectorIndexes.Scheme)}
     * under the same settings (EXPLAIN lines joined by newlines); for tests and diagnosis.
     */
    public static String plan(Connection connection, VectorTable table, float[] query, int k, SearchTuning tuning,
            VectorIndexes.Scheme scheme) throws SQLException {
        return explain(connection, "EXPLAIN ", table, query, k, tuning, scheme);
    }

    /**
     * As {@link #plan} but executed: {@code EXPLAIN (ANALYZE, BUFFERS)} of the search under its real settings (server
     * time, pages hit and read); for benchmarks and diagnosis. Profiling the statement without these settings can
     * measure a different plan (a sequential scan at a large ef_search).
     */
    public static String profile(Connection connection, VectorTable table, float[] query, int k, SearchTuning tuning,
            VectorIndexes.Scheme scheme) throws SQLException {
        return explain(connection, "EXPLAIN (ANALYZE, BUFFERS) ", table, query, k, tuning, scheme);
    }

    private static String explain(Connection connection, String explain, VectorTable table, float[] query, int k, SearchTuning tuning,
            VectorIndexes.Scheme scheme) throws SQLException {
        requirePositive(k);
        return Transactions.run(connection, () -> {
            approximateSettings(connection, tuning, k, scheme.reranked() ? "relaxed_order" : "strict_order");
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = connection.prepareStatement(explain + querySql(table, query.length, scheme))) {
                bind(ps, query, scheme.reranked() ? tuning.candidates(k) : k, scheme.reranked() ? k : -1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        });
    }

    // The candidate list, the scan order and NO sequential scan: with a large hnsw.ef_search pgvector's cost estimate
    // for the index grows until the planner prefers a sequential scan + sort (3.3 s per query at 300k rows, ef 400;
    // BENCHMARKS.md), which is exact but far slower than the index this search exists to use.
    // The same holds for ivfflat.probes. Both methods' settings are set, in one round trip: the search does not know which
    // index the planner finds for its expression, and a setting of the other method costs nothing. IVFFlat's iterative
    // scan has no strict order: it only matters when the probed lists hold fewer rows than the candidates asked for.
    private static void approximateSettings(Connection connection, SearchTuning tuning, int k, String hnswIterative) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('hnsw.ef_search', ?, true),"
                + " set_config('hnsw.iterative_scan', ?, true), set_config('ivfflat.probes', ?, true),"
                + " set_config('ivfflat.iterative_scan', 'relaxed_order', true), set_config('enable_seqscan', 'off', true),"
                + " set_config('enable_bitmapscan', 'off', true)")) {
            ps.setString(1, Integer.toString(tuning.efSearchFor(k)));
            ps.setString(2, hnswIterative);
            ps.setString(3, Integer.toString(tuning.probes()));
            ps.execute();
        }
    }

    private static void bind(PreparedStatement ps, float[] query, int candidates, int rerankedK) throws SQLException {
        var vector = new PGvector(query);
        ps.setObject(1, vector);
        ps.setObject(2, vector);
        ps.setInt(3, candidates);
        if (rerankedK > 0) ps.setInt(4, rerankedK);
    }

    /** The exact {@code k} nearest rows by a sequential scan, ties broken by id; slow, for baselines and checks. */
    public static List<Hit> exactNearest(Connection connection, VectorTable table, float[] query, int k) throws SQLException {
        requirePositive(k);
        return Transactions.run(connection, () -> {
            setLocal(connection, "enable_indexscan", "off", "enable_bitmapscan", "off");
            var vector = new PGvector(query);
            try (PreparedStatement ps = connection.prepareStatement(exactSql(table, query.length))) {
                ps.setObject(1, vector);
                ps.setObject(2, vector);
                ps.setInt(3, k);
                return hits(ps, k);
            }
        });
    }

    private static List<Hit> hits(PreparedStatement ps, int k) throws SQLException {
        List<Hit> hits = new ArrayList<>(k);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) hits.add(new Hit(rs.getString(1), rs.getDouble(2)));
        }
        return hits;
    }

    // Two settings in one round trip; set_config(..., true) lasts until the end of the transaction.
    private static void setLocal(Connection connection, String name1, String value1, String name2, String value2)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config(?, ?, true), set_config(?, ?, true)")) {
            ps.setString(1, name1);
            ps.setString(2, value1);
            ps.setString(3, name2);
            ps.setString(4, value2);
            ps.execute();
        }
    }

    private static void requirePositive(int k) {
        if (k <= 0) throw new IllegalArgumentException("k must be > 0, got " + k);
    }
}
