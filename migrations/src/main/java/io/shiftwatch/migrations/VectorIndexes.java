package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Approximate-nearest-neighbour indexes (HNSW by default, IVFFlat on request: {@link IndexMethod}) for vector columns
 * of any width. The columns have no fixed dimension (one table serves
 * every model), so each dimension gets its own PARTIAL EXPRESSION index, created on first use:
 * <ul>
 *   <li>dim ≤ 2,000: {@code (vec::vector(N)) vector_cosine_ops} — pgvector's HNSW limit for vector;</li>
 *   <li>2,000 &lt; dim ≤ 4,000: {@code (vec::halfvec(N)) halfvec_cosine_ops} — half precision;</li>
 *   <li>4,000 &lt; dim ≤ 8,000 (e.g. 4,096 in 7B models): {@code (subvector(vec, 1, 4000)::halfvec(4000))
 *       halfvec_cosine_ops} — the cosine of the first 4,000 coordinates, a close proxy of the full one,
 *       searched with a small (2x) over-fetch and exact cosine re-ranking ({@link VectorSearch});</li>
 *   <li>dim &gt; 8,000, where the prefix would drop more than half the coordinates:
 *       {@code (binary_quantize(vec)::bit(N)) bit_hamming_ops}, Hamming distance with a large over-fetch
 *       and exact re-ranking.</li>
 * </ul>
 * Why the prefix replaced sign bits at 4,096 (BENCHMARKS.md, pgvector): a Hamming distance over sign
 * bits cannot order the members of one concept, so it needed 40x candidates, and re-ranking each one
 * re-reads its TOASTed 16 kB vector; the prefix cosine needs a few times k. Every index is
 * {@code WHERE dim = N}; queries repeat the same expression and predicate for the planner to use it,
 * which {@link VectorSearch} does. {@link #createIndexSql(VectorTable, int, Scheme)} builds any
 * scheme that fits a width (benchmarks compare them); the application uses {@link #schemeFor}.
 */
public final class VectorIndexes {
    /** pgvector's limits (the same for HNSW and IVFFlat in 0.8.0): vector up to 2,000 dims, halfvec up to 4,000, bit up to 64,000. */
    public static final int MAX_VECTOR_DIM = 2000;
    public static final int MAX_HALFVEC_DIM = 4000;
    /** Widest column indexed by its 4,000-coordinate prefix (the prefix keeps at least half of it). */
    public static final int MAX_PREFIX_DIM = 2 * MAX_HALFVEC_DIM;
    public static final int MAX_BIT_DIM = 64000;

    private VectorIndexes() {
    }

    /** How a dimension is indexed. */
    public enum Scheme {
        VECTOR, HALFVEC, HALFVEC_PREFIX, BINARY_QUANTIZED;

        /** True when this scheme can index a column of width {@code dim}. */
        public boolean fits(int dim) {
            return dim > 0 && switch (this) {
                case VECTOR -> dim <= MAX_VECTOR_DIM;
                case HALFVEC -> dim <= MAX_HALFVEC_DIM;
                case HALFVEC_PREFIX -> dim > MAX_HALFVEC_DIM && dim <= MAX_BIT_DIM;
                case BINARY_QUANTIZED -> dim <= MAX_BIT_DIM;
            };
        }

        /** True when the index only proposes candidates that are re-ranked by exact cosine. */
        public boolean reranked() {
            return this != VECTOR;
        }
    }

    /** The scheme the application uses for {@code dim}. */
    public static Scheme schemeFor(int dim) {
        if (dim <= 0) throw new IllegalArgumentException("vector dimension must be > 0, got " + dim);
        if (dim <= MAX_VECTOR_DIM) return Scheme.VECTOR;
        if (dim <= MAX_HALFVEC_DIM) return Scheme.HALFVEC;
        if (dim <= MAX_PREFIX_DIM) return Scheme.HALFVEC_PREFIX;
        if (dim <= MAX_BIT_DIM) return Scheme.BINARY_QUANTIZED;
        throw new IllegalArgumentException("vector dimension " + dim + " exceeds the largest indexable width " + MAX_BIT_DIM);
    }

    static Scheme require(Scheme scheme, int dim) {
        schemeFor(dim);
        if (!scheme.fits(dim)) throw new IllegalArgumentException("index scheme " + scheme + " cannot hold width " + dim);
        return scheme;
    }

    /**
     * Deterministic index name, e.g. {@code concepts_vec_hnsw_d1024}; the prefix scheme adds {@code _p4000}, and a
     * halfvec index of a width that full-precision vectors could index ({@code dim ≤ 2000}, chosen explicitly, e.g. by
     * the benchmark) adds {@code _h}, so it never takes the name of that width's vector index: with one name,
     * {@code CREATE INDEX IF NOT EXISTS} would silently keep the other index and the search would find none for its
     * expression.
     */
    public static String indexName(VectorTable table, int dim, Scheme scheme) {
        return indexName(table, dim, scheme, IndexMethod.HNSW);
    }

    /**
     * As {@link #indexName(VectorTable, int, Scheme)} for an index of {@code method}: the access method is part of the
     * name ({@code concepts_vec_ivfflat_d1024_h}), so an IVFFlat index is never mistaken for the HNSW one of the same
     * expression. The list count is not: one width has one IVFFlat index, rebuilt (drop + create) when it is due.
     */
    public static String indexName(VectorTable table, int dim, Scheme scheme, IndexMethod method) {
        String suffix = switch (require(scheme, dim)) {
            case HALFVEC_PREFIX -> "_p" + MAX_HALFVEC_DIM;
            case HALFVEC -> dim <= MAX_VECTOR_DIM ? "_h" : "";
            case VECTOR, BINARY_QUANTIZED -> "";
        };
        return table.table() + "_" + table.vectorColumn() + "_" + method.accessMethod() + "_d" + dim + suffix;
    }

    public static String indexName(VectorTable table, int dim) {
        return indexName(table, dim, schemeFor(dim));
    }

    /** The indexed expression for {@code dim} under {@code scheme} (also what queries order by). */
    public static String indexedExpression(VectorTable table, int dim, Scheme scheme) {
        String col = table.vectorColumn();
        return switch (require(scheme, dim)) {
            case VECTOR -> "(" + col + "::vector(" + dim + "))";
            case HALFVEC -> "(" + col + "::halfvec(" + dim + "))";
            case HALFVEC_PREFIX -> "(subvector(" + col + ", 1, " + MAX_HALFVEC_DIM + ")::halfvec(" + MAX_HALFVEC_DIM + "))";
            case BINARY_QUANTIZED -> "(binary_quantize(" + col + ")::bit(" + dim + "))";
        };
    }

    public static String indexedExpression(VectorTable table, int dim) {
        return indexedExpression(table, dim, schemeFor(dim));
    }

    static String operatorClass(Scheme scheme) {
        return switch (scheme) {
            case VECTOR -> "vector_cosine_ops";
            case HALFVEC, HALFVEC_PREFIX -> "halfvec_cosine_ops";
            case BINARY_QUANTIZED -> "bit_hamming_ops";
        };
    }

    /** The complete DDL for {@code dim} under {@code scheme}; all parts come from constants and the integer. */
    public static String createIndexSql(VectorTable table, int dim, Scheme scheme) {
        return createIndexSql(table, dim, scheme, IndexMethod.HNSW);
    }

    /** As {@link #createIndexSql(VectorTable, int, Scheme)} with {@code method}; IVFFlat adds {@code WITH (lists = L)}. */
    public static String createIndexSql(VectorTable table, int dim, Scheme scheme, IndexMethod method) {
        String with = switch (method) {
            case IndexMethod.Hnsw h -> "";
            case IndexMethod.Ivfflat ivf -> " WITH (lists = " + ivf.lists() + ")";
        };
        return "CREATE INDEX IF NOT EXISTS " + indexName(table, dim, scheme, method) + " ON " + table.table() + " USING "
                + method.accessMethod() + " (" + indexedExpression(table, dim, scheme) + " " + operatorClass(scheme) + ")" + with
                + " WHERE dim = " + dim;
    }

    public static String createIndexSql(VectorTable table, int dim) {
        return createIndexSql(table, dim, schemeFor(dim));
    }

    /**
     * Creates the application's index for {@code dim} when it does not exist yet (idempotent). A prefix
     * width also drops the sign-bit index it superseded (tables indexed before 2026-12-01), which no query
     * uses any more and every insert would still maintain.
     */
    public static void ensureIndex(Connection connection, VectorTable table, int dim) throws SQLException {
        Scheme scheme = schemeFor(dim);
        ensureIndex(connection, table, dim, scheme);
        if (scheme == Scheme.HALFVEC_PREFIX) {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP INDEX IF EXISTS " + indexName(table, dim, Scheme.BINARY_QUANTIZED));
            }
        }
    }

    public static void ensureIndex(Connection connection, VectorTable table, int dim, Scheme scheme) throws SQLException {
        ensureIndex(connection, table, dim, scheme, IndexMethod.HNSW);
    }

    /** Creates the index of {@code scheme} and {@code method} for {@code dim} unless one of that name exists. */
    public static void ensureIndex(Connection connection, VectorTable table, int dim, Scheme scheme, IndexMethod method)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createIndexSql(table, dim, scheme, method));
        }
    }

    /**
     * Rebuilds the IVFFlat index of {@code scheme} for {@code dim} with {@code method}'s list count, trained on the rows
     * present now: drop and create in one transaction, so a search waits for the new index (the table is locked for
     * the build: about 4 min at 1M x 1024 rows on the 2-core machine, BENCHMARKS.md) instead of falling back to a
     * sequential scan. For a store that grew past {@link IndexMethod#rebuildDue}; HNSW needs no rebuild.
     */
    public static void rebuildIndex(Connection connection, VectorTable table, int dim, Scheme scheme, IndexMethod.Ivfflat method)
            throws SQLException {
        String drop = "DROP INDEX IF EXISTS " + indexName(table, dim, scheme, method);
        String create = createIndexSql(table, dim, scheme, method);
        Transactions.run(connection, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute(drop);
                s.execute(create);
            }
            return null;
        });
    }
}
