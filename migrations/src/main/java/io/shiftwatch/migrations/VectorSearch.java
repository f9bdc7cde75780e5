package io.shiftwatch.migrations;

import com.pgvector.PGvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Nearest-neighbour search by cosine similarity over a {@link VectorTable}, written so that the
 * per-dimension HNSW index of {@link VectorIndexes} is used: same expression, same {@code dim = N}
 * predicate. Full-precision widths are answered by the index directly; halfvec and binary-quantised
 * widths over-fetch {@code k * overfetch} candidates from the index and re-rank them by exact cosine
 * on the stored vectors, so every returned similarity is exact.
 *
 * <p>Each search runs in a transaction of its own (or the caller's, when auto-commit is off) and sets
 * {@code hnsw.ef_search} and {@code hnsw.iterative_scan} with {@code SET LOCAL} semantics: the settings
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
        String expr = VectorIndexes.indexedExpression(table, dim);
        String id = table.idColumn();
        String from = " FROM " + table.table() + " WHERE dim = " + dim;
        return switch (VectorIndexes.schemeFor(dim)) {
            case VECTOR -> "SELECT " + id + "::text, 1 - (" + expr + " <=> ?::vector(" + dim + "))" + from
                    + " ORDER BY " + expr + " <=> ?::vector(" + dim + ") LIMIT ?";
            case HALFVEC -> reranked(table, from, expr + " <=> ?::halfvec(" + dim + ")");
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
        requirePositive(k);
        int dim = query.length;
        boolean reranked = VectorIndexes.schemeFor(dim) != VectorIndexes.Scheme.VECTOR;
        int candidates = reranked ? tuning.candidates(k) : k;
        // Re-ranked candidates are re-sorted anyway, so the cheaper relaxed order is enough for them.
        String iterative = reranked ? "relaxed_order" : "strict_order";
        return Transactions.run(connection, () -> {
            setLocal(connection, "hnsw.ef_search", Integer.toString(tuning.efSearchFor(k)), "hnsw.iterative_scan", iterative);
            var vector = new PGvector(query);
            try (PreparedStatement ps = connection.prepareStatement(querySql(table, dim))) {
                ps.setObject(1, vector);
                ps.setObject(2, vector);
                ps.setInt(3, candidates);
                if (reranked) ps.setInt(4, k);
                return hits(ps, k);
            }
        });
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
