package io.shiftwatch.bench;

import com.pgvector.PGvector;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.Migrator;
import io.shiftwatch.migrations.ScratchDatabase;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * pgvector at scale (issue 8, item 5): N concept vectors of width D stored in a THROWAWAY database
 * (created on the SHIFTWATCH_DB_* server, migrated, dropped at the end even on failure), inserted
 * in batches, then the per-dimension HNSW index of {@link VectorIndexes} built after the load, then
 * top-10 cosine queries through {@link VectorSearch}: latency p50/p95 and recall@10 against the
 * exact answer (brute force in Java). Baseline in the same run: the exact scan (index disabled).
 */
final class PgvectorBench {
    private PgvectorBench() {
    }

    static Report run(Options o, String command) throws Exception {
        Report report = new Report("pgvector", command, Machine.now());
        DatabaseConfig server = DatabaseConfig.fromEnvironment();
        try (ScratchDatabase scratch = ScratchDatabase.create(server, "sw_bench")) {
            DatabaseConfig db = scratch.config;
            Migrator.migrate(db);
            for (int d : o.ints("d", new int[] {1024, 4096})) {
                report.row(measure(db, o.integer("n", 100_000), d, o.integer("queries", 200)));
            }
        }
        report.note("exact = same query with enable_indexscan off (sequential scan + sort), same run; "
                + "D > 4000 uses binary_quantize + Hamming HNSW, over-fetch " + VectorSearch.OVERFETCH + "x, exact re-rank");
        return report;
    }

    private static Connection connect(DatabaseConfig config) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.password());
        p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(config.url(), p);
    }

    private static Map<String, Object> measure(DatabaseConfig db, int n, int d, int queries) throws Exception {
        float[][] stored = KMeansBench.blobs(n, d, 200, 1.0, 11);
        float[][] asked = KMeansBench.blobs(queries, d, 200, 1.0, 12); // same centres (seeded), fresh noise
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("N", n);
        row.put("D", d);
        row.put("scheme", VectorIndexes.schemeFor(d).toString());
        try (Connection c = connect(db)) {
            row.put("insert_rows_per_s", n / insert(c, stored, d));
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '512MB'");
                VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, d);
                s.execute("ANALYZE concepts");
            }
            row.put("index_build_s", Timing.secondsSince(t0));
            System.err.printf("pgvector: D=%d loaded and indexed%n", d);
            ExactNeighbours exact = new ExactNeighbours(stored);
            double[] latency = new double[queries];
            double recall = 0;
            for (int q = -20; q < queries; q++) { // q < 0: warm-up
                float[] query = asked[Math.floorMod(q, queries)];
                long t = System.nanoTime();
                List<VectorSearch.Hit> hits = VectorSearch.nearest(c, VectorTable.CONCEPTS, query, 10);
                if (q >= 0) {
                    latency[q] = Timing.secondsSince(t) * 1000;
                    recall += exact.recall(query, hits, 10);
                }
            }
            row.put("p50_ms", Timing.quantile(latency, 0.5));
            row.put("p95_ms", Timing.quantile(latency, 0.95));
            row.put("recall_at_10", recall / queries);
            row.put("exact_scan_p50_ms", exactScanMillis(c, asked, Math.min(queries, 20)));
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE concepts RESTART IDENTITY CASCADE");
            }
        }
        return row;
    }

    /** Batched inserts of all rows in one transaction; returns the seconds it took. */
    private static double insert(Connection c, float[][] vectors, int d) throws SQLException {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        String dictionary = String.format("%064x", d);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dictionaries (dictionary_id, model_hash,"
                + " probe_set_hash, target, layer, method, k, seed, config_hash, sample_count, is_base)"
                + " VALUES (?, 'bench', 'bench', 'bench', 0, 'KMEANS', ?, 1, ?, ?, true)")) {
            ps.setString(1, dictionary);
            ps.setInt(2, vectors.length);
            ps.setString(3, "bench-d" + d);
            ps.setInt(4, vectors.length);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count) VALUES (?, ?, ?, ?, 1, 1)")) {
            for (int i = 0; i < vectors.length; i++) {
                ps.setString(1, dictionary);
                ps.setInt(2, i);
                ps.setObject(3, new PGvector(vectors[i]));
                ps.setInt(4, d);
                ps.addBatch();
                if (i % 1000 == 999 || i == vectors.length - 1) {
                    ps.executeBatch();
                }
                if (i % 20000 == 19999) {
                    System.err.printf("pgvector: D=%d inserted %d/%d%n", d, i + 1, vectors.length);
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return Timing.secondsSince(t0);
    }

    private static double exactScanMillis(Connection c, float[][] asked, int count) throws SQLException {
        double[] ms = new double[count];
        String sql = "SELECT concept_id FROM concepts WHERE dim = ? ORDER BY vec <=> ? LIMIT 10";
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_indexscan = off");
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int q = 0; q < count; q++) {
                ps.setInt(1, asked[q].length);
                ps.setObject(2, new PGvector(asked[q]));
                long t = System.nanoTime();
                ps.executeQuery().close();
                ms[q] = Timing.secondsSince(t) * 1000;
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_indexscan = on");
            }
        }
        return Timing.median(ms);
    }
}
