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
 * predicate. For binary-quantised widths it over-fetches {@code OVERFETCH * k} candidates by Hamming
 * distance and re-ranks them by exact cosine.
 */
public final class VectorSearch {
    public static final int OVERFETCH = 10;

    private VectorSearch() {
    }

    /** One hit: the row id (as text) and its cosine similarity to the query, in [-1, 1]. */
    public record Hit(String id, double cosine) {
    }

    /** The SQL used for a query of width {@code dim} (exposed so tests can EXPLAIN it). */
    public static String querySql(VectorTable table, int dim) {
        String expr = VectorIndexes.indexedExpression(table, dim);
        String id = table.idColumn();
        String col = table.vectorColumn();
        return switch (VectorIndexes.schemeFor(dim)) {
            case VECTOR -> "SELECT " + id + "::text, 1 - (" + expr + " <=> ?::vector(" + dim + ")) FROM " + table.table()
                    + " WHERE dim = " + dim + " ORDER BY " + expr + " <=> ?::vector(" + dim + ") LIMIT ?";
            case HALFVEC -> "SELECT " + id + "::text, 1 - (" + expr + " <=> ?::halfvec(" + dim + ")) FROM " + table.table()
                    + " WHERE dim = " + dim + " ORDER BY " + expr + " <=> ?::halfvec(" + dim + ") LIMIT ?";
            case BINARY_QUANTIZED -> "SELECT id, 1 - (v <=> ?::vector) AS similarity FROM (SELECT " + id + "::text AS id, "
                    + col + " AS v FROM " + table.table() + " WHERE dim = " + dim + " ORDER BY " + expr
                    + " <~> binary_quantize(?::vector)::bit(" + dim + ") LIMIT ?) candidates ORDER BY v <=> ?::vector LIMIT ?";
        };
    }

    /** The {@code k} rows most similar to {@code query} among rows of the same width, best first. */
    public static List<Hit> nearest(Connection connection, VectorTable table, float[] query, int k) throws SQLException {
        if (k <= 0) throw new IllegalArgumentException("k must be > 0, got " + k);
        int dim = query.length;
        var vector = new PGvector(query);
        boolean binary = VectorIndexes.schemeFor(dim) == VectorIndexes.Scheme.BINARY_QUANTIZED;
        if (binary) raiseEfSearch(connection, OVERFETCH * k);
        try (PreparedStatement ps = connection.prepareStatement(querySql(table, dim))) {
            if (binary) {
                ps.setObject(1, vector);
                ps.setObject(2, vector);
                ps.setInt(3, OVERFETCH * k);
                ps.setObject(4, vector);
                ps.setInt(5, k);
            } else {
                ps.setObject(1, vector);
                ps.setObject(2, vector);
                ps.setInt(3, k);
            }
            List<Hit> hits = new ArrayList<>(k);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) hits.add(new Hit(rs.getString(1), rs.getDouble(2)));
            }
            return hits;
        }
    }

    // The HNSW scan returns at most ef_search rows: the over-fetch needs it at least that large.
    private static void raiseEfSearch(Connection connection, int candidates) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('hnsw.ef_search', ?, false)")) {
            ps.setString(1, Integer.toString(Math.max(40, candidates)));
            ps.execute();
        }
    }
}
