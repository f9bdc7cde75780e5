package io.shiftwatch.bench;

import com.pgvector.PGvector;
import io.shiftwatch.migrations.SearchTuning;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one search spends its time: {@code EXPLAIN (ANALYZE, BUFFERS)} of the exact statement
 * {@link VectorSearch} runs, with the same settings, reduced to the server's execution time and the
 * 8 kB pages it touched — found in shared buffers ({@code hit}) or read from the OS ({@code read}),
 * table, index and TOAST together. Many reads per query mean the index (or the TOASTed vectors) do
 * not fit in {@code shared_buffers}, which the benchmark reports next to it.
 */
record QueryProfile(double executionMillis, long sharedHit, long sharedRead) {
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    static QueryProfile of(Connection c, float[] query, int k, SearchTuning tuning, VectorIndexes.Scheme scheme) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('hnsw.ef_search', ?, true),"
                    + " set_config('hnsw.iterative_scan', ?, true)")) {
                ps.setString(1, Integer.toString(tuning.efSearchFor(k)));
                ps.setString(2, scheme.reranked() ? "relaxed_order" : "strict_order");
                ps.execute();
            }
            return explain(c, query, k, tuning, scheme);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static QueryProfile explain(Connection c, float[] query, int k, SearchTuning tuning, VectorIndexes.Scheme scheme)
            throws SQLException {
        String sql = "EXPLAIN (ANALYZE, BUFFERS) " + VectorSearch.querySql(VectorTable.CONCEPTS, query.length, scheme);
        long hit = -1, read = 0;
        double ms = Double.NaN;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            PGvector v = new PGvector(query);
            ps.setObject(1, v);
            ps.setObject(2, v);
            ps.setInt(3, scheme.reranked() ? tuning.candidates(k) : k);
            if (scheme.reranked()) ps.setInt(4, k);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    Matcher b = BUFFERS.matcher(line);
                    if (hit < 0 && b.find()) { // the first Buffers line is the top node: the whole query
                        hit = b.group(1) == null ? 0 : Long.parseLong(b.group(1));
                        read = b.group(2) == null ? 0 : Long.parseLong(b.group(2));
                    }
                    Matcher e = EXECUTION.matcher(line);
                    if (e.find()) ms = Double.parseDouble(e.group(1));
                }
            }
        }
        return new QueryProfile(ms, Math.max(0, hit), read);
    }
}
