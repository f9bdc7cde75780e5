package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * HNSW indexes for vector columns of any width. The columns have no fixed dimension (one table serves
 * every model), so each dimension gets its own PARTIAL EXPRESSION index, created on first use:
 * <ul>
 *   <li>dim ≤ 2,000: {@code (vec::vector(N)) vector_cosine_ops} — pgvector's HNSW limit for vector;</li>
 *   <li>2,000 &lt; dim ≤ 4,000: {@code (vec::halfvec(N)) halfvec_cosine_ops} — half precision;</li>
 *   <li>dim &gt; 4,000 (e.g. 4,096 in 7B models): {@code (binary_quantize(vec)::bit(N)) bit_hamming_ops},
 *       searched by Hamming distance with exact cosine re-ranking ({@link VectorSearch}).</li>
 * </ul>
 * Every index is {@code WHERE dim = N}; queries must repeat the same expression and predicate for the
 * planner to use it, which {@link VectorSearch} does.
 */
public final class VectorIndexes {
    /** pgvector's HNSW limits: vector up to 2,000 dims, halfvec up to 4,000, bit up to 64,000. */
    public static final int MAX_VECTOR_DIM = 2000;
    public static final int MAX_HALFVEC_DIM = 4000;
    public static final int MAX_BIT_DIM = 64000;

    private VectorIndexes() {
    }

    /** How a dimension is indexed. */
    public enum Scheme { VECTOR, HALFVEC, BINARY_QUANTIZED }

    public static Scheme schemeFor(int dim) {
        if (dim <= 0) throw new IllegalArgumentException("vector dimension must be > 0, got " + dim);
        if (dim <= MAX_VECTOR_DIM) return Scheme.VECTOR;
        if (dim <= MAX_HALFVEC_DIM) return Scheme.HALFVEC;
        if (dim <= MAX_BIT_DIM) return Scheme.BINARY_QUANTIZED;
        throw new IllegalArgumentException("vector dimension " + dim + " exceeds the largest indexable width " + MAX_BIT_DIM);
    }

    /** Deterministic index name, e.g. {@code concepts_vec_hnsw_d4096}. */
    public static String indexName(VectorTable table, int dim) {
        schemeFor(dim);
        return table.table() + "_" + table.vectorColumn() + "_hnsw_d" + dim;
    }

    /** The indexed expression for {@code dim} (also what queries order by). */
    public static String indexedExpression(VectorTable table, int dim) {
        String col = table.vectorColumn();
        return switch (schemeFor(dim)) {
            case VECTOR -> "(" + col + "::vector(" + dim + "))";
            case HALFVEC -> "(" + col + "::halfvec(" + dim + "))";
            case BINARY_QUANTIZED -> "(binary_quantize(" + col + ")::bit(" + dim + "))";
        };
    }

    static String operatorClass(int dim) {
        return switch (schemeFor(dim)) {
            case VECTOR -> "vector_cosine_ops";
            case HALFVEC -> "halfvec_cosine_ops";
            case BINARY_QUANTIZED -> "bit_hamming_ops";
        };
    }

    /** The complete DDL for {@code dim}; all parts come from constants and the integer. */
    public static String createIndexSql(VectorTable table, int dim) {
        return "CREATE INDEX IF NOT EXISTS " + indexName(table, dim) + " ON " + table.table()
                + " USING hnsw (" + indexedExpression(table, dim) + " " + operatorClass(dim) + ") WHERE dim = " + dim;
    }

    /** Creates the index for {@code dim} when it does not exist yet (idempotent). */
    public static void ensureIndex(Connection connection, VectorTable table, int dim) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createIndexSql(table, dim));
        }
    }
}
