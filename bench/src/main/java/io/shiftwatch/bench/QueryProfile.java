package io.shiftwatch.bench;

import io.shiftwatch.migrations.SearchTuning;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
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

    // Through VectorSearch.profile, i.e. under the search's own settings: profiled without them, a large ef_search
    // was planned as a sequential scan (tens of seconds at 1M rows; session 5), which the search itself never runs.
    static QueryProfile of(Connection c, float[] query, int k, SearchTuning tuning, VectorIndexes.Scheme scheme) throws SQLException {
        return parse(VectorSearch.profile(c, VectorTable.CONCEPTS, query, k, tuning, scheme));
    }

    static QueryProfile parse(String explain) {
        long hit = -1, read = 0;
        double ms = Double.NaN;
        for (String line : explain.split("\n")) {
            Matcher b = BUFFERS.matcher(line);
            if (hit < 0 && b.find()) { // the first Buffers line is the top node: the whole query
                hit = b.group(1) == null ? 0 : Long.parseLong(b.group(1));
                read = b.group(2) == null ? 0 : Long.parseLong(b.group(2));
            }
            Matcher e = EXECUTION.matcher(line);
            if (e.find()) ms = Double.parseDouble(e.group(1));
        }
        return new QueryProfile(ms, Math.max(0, hit), read);
    }
}
