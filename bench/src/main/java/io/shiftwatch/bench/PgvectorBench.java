package io.shiftwatch.bench;

import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.IndexMethod;
import io.shiftwatch.migrations.Migrator;
import io.shiftwatch.migrations.ScratchDatabase;
import io.shiftwatch.migrations.SearchTuning;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pgvector at scale (issue 8, item 5): N concept vectors of width D ({@link ConceptVectorSet}, clustered
 * or Gaussian) loaded by binary COPY into a SCRATCH database (created on the SHIFTWATCH_DB_* server,
 * migrated, dropped at the end even on failure), then for each index scheme asked for ({@code --schemes},
 * default the application's) and each index method ({@code --index hnsw,ivfflat}) its per-dimension index of
 * {@link VectorIndexes} built after the load, top-10 cosine queries through {@link VectorSearch} for each search tuning
 * (ef_search or IVFFlat probes, over-fetch) and the index dropped again: latency p50/p95 and recall@10 against a certified brute force ({@link Truth}); the
 * exact sequential scan ({@link VectorSearch#exactNearest}) is the latency baseline of the same run.
 */
final class PgvectorBench {
    private static final int K = 10;
    private static final int WARM_UP = 20;

    private PgvectorBench() {
    }

    static Report run(Options o, String command) throws Exception {
        Report report = new Report("pgvector", command, Machine.now());
        PgvectorSetup setup = PgvectorSetup.of(o);
        List<ConceptVectorSet.Kind> kinds = new ArrayList<>();
        for (String k : o.string("data", "clustered,gaussian").split(",")) kinds.add(ConceptVectorSet.kind(k.strip()));
        try (ScratchDatabase scratch = ScratchDatabase.create(DatabaseConfig.fromEnvironment(), "sw_bench")) {
            Migrator.migrate(scratch.config);
            for (int n : o.ints("n", new int[] {100_000})) {
                for (int d : o.ints("d", new int[] {1024, 4096})) {
                    for (ConceptVectorSet.Kind kind : kinds) {
                        ConceptVectorSet set = ConceptVectorSet.of(kind, d, setup.centres(), setup.noise(), 11);
                        measure(scratch.config, setup, set, n).forEach(report::row);
                    }
                }
            }
        }
        report.note("exact = VectorSearch.exactNearest (sequential scan, index scans off) on the first " + setup.exactQueries()
                + " queries, same run; truth = Java brute force over all queries (exact_agreement = its overlap with the database's exact top 10); speedup = exact p50 / p50; recall@10 = share of the exact top 10 returned; default = the application's index (HNSW, its scheme) and VectorSearch's default tuning");
        report.note("explain_ms, pages_hit, pages_read = EXPLAIN (ANALYZE, BUFFERS) of query 0 after the timed ones: server execution"
                + " time and 8 kB pages found in shared_buffers (hit) or read from the OS (read); shared_buffers_mb = the server's buffer cache");
        report.note("data: clustered = " + setup.centres() + " centres N(0,1) + N(0," + setup.noise() + "^2) noise per row, queries = fresh "
                + "members; gaussian = i.i.d. N(0,1) rows and queries (worst case)");
        return report;
    }

    private static List<Map<String, Object>> measure(DatabaseConfig db, PgvectorSetup setup, ConceptVectorSet set, int n) throws Exception {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("N", n);
        load.put("D", set.dim());
        load.put("data", set.kind().toString().toLowerCase());
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            if (setup.growFrom() > 0) return measureGrowth(c, db, setup, set, n, load);
            load.put("insert_rows_per_s", n / ConceptCopy.load(c, set, n));
            load.put("table_mb", megabytes(c, "SELECT pg_total_relation_size('concepts')"));
            load.put("shared_buffers_mb", megabytes(c, "SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers'"));
            requireIdsInLoadOrder(c, n);
            Truth truth = Truth.of(c, set, n, setup.queries(), setup.exactQueries(), K);
            for (VectorIndexes.Scheme scheme : setup.schemesFor(set.dim())) {
                for (IndexMethod method : setup.methods(n)) rows.addAll(measureIndex(c, db, setup, set, truth, scheme, method, load));
            }
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE concepts, concept_dictionaries RESTART IDENTITY CASCADE");
            }
        }
        return rows;
    }

    // For each index: loads the first --grow-from rows, builds the index over them, loads the other rows into the indexed
    // table (an IVFFlat index files them under centres trained without them), then measures it as usual.
    private static List<Map<String, Object>> measureGrowth(Connection c, DatabaseConfig db, PgvectorSetup setup, ConceptVectorSet set, int n,
            Map<String, Object> load) throws Exception {
        int first = setup.growFrom();
        if (first >= n) throw new IllegalArgumentException("--grow-from " + first + " must be below --n " + n);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VectorIndexes.Scheme scheme : setup.schemesFor(set.dim())) {
            for (IndexMethod method : setup.methods(first)) {
                Map<String, Object> built = new LinkedHashMap<>(load);
                built.put("insert_rows_per_s", first / ConceptCopy.load(c, set, 0, first));
                built.put("grown_from", first);
                built.put("scheme", scheme.toString());
                built.put("index", method.accessMethod());
                built.put("lists", method instanceof IndexMethod.Ivfflat ivf ? ivf.lists() : "");
                built.put("index_build_s", buildIndex(c, db, setup, set.dim(), scheme, method));
                built.put("indexed_insert_rows_per_s", (n - first) / ConceptCopy.load(c, set, first, n));
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE concepts");
                }
                built.put("table_mb", megabytes(c, "SELECT pg_total_relation_size('concepts')"));
                built.put("shared_buffers_mb", megabytes(c, "SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers'"));
                requireIdsInLoadOrder(c, n);
                Truth truth = Truth.of(c, set, n, setup.queries(), setup.exactQueries(), K);
                rows.addAll(queryIndex(c, setup, set, truth, scheme, method, built));
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE concepts, concept_dictionaries RESTART IDENTITY CASCADE");
                }
            }
        }
        return rows;
    }

    // Builds the scheme's index of one method on the loaded table, runs every tuning through it, drops it again.
    private static List<Map<String, Object>> measureIndex(Connection c, DatabaseConfig db, PgvectorSetup setup, ConceptVectorSet set,
            Truth truth, VectorIndexes.Scheme scheme, IndexMethod method, Map<String, Object> load) throws SQLException {
        Map<String, Object> built = new LinkedHashMap<>(load);
        built.put("scheme", scheme.toString());
        built.put("index", method.accessMethod());
        built.put("lists", method instanceof IndexMethod.Ivfflat ivf ? ivf.lists() : "");
        built.put("index_build_s", buildIndex(c, db, setup, set.dim(), scheme, method));
        return queryIndex(c, setup, set, truth, scheme, method, built);
    }

    // Runs every tuning through the built index of one method (pre-warmed if asked), then drops it.
    private static List<Map<String, Object>> queryIndex(Connection c, PgvectorSetup setup, ConceptVectorSet set, Truth truth,
            VectorIndexes.Scheme scheme, IndexMethod method, Map<String, Object> built) throws SQLException {
        String index = VectorIndexes.indexName(VectorTable.CONCEPTS, set.dim(), scheme, method);
        built.put("index_mb", megabytes(c, "SELECT pg_relation_size('" + index + "')"));
        if (setup.prewarm()) prewarm(c, index, built);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int q = 0; q < WARM_UP; q++) {
            VectorSearch.nearest(c, VectorTable.CONCEPTS, set.query(q % setup.queries()), K, SearchTuning.defaults(scheme), scheme);
        }
        System.err.printf("pgvector: D=%d %s %s query phase started%n", set.dim(), scheme, method);
        for (SearchTuning tuning : setup.tunings(scheme, method)) {
            Map<String, Object> row = new LinkedHashMap<>(built);
            row.putAll(searchFigures(c, set, truth, tuning, scheme, method));
            QueryProfile profile = QueryProfile.of(c, set.query(0), K, tuning, scheme);
            row.put("explain_ms", profile.executionMillis());
            row.put("pages_hit", profile.sharedHit());
            row.put("pages_read", profile.sharedRead());
            rows.add(row);
        }
        System.err.printf("pgvector: D=%d %s %s query phase done%n", set.dim(), scheme, method);
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX " + index);
        }
        return rows;
    }

    private static double buildIndex(Connection c, DatabaseConfig db, PgvectorSetup setup, int dim, VectorIndexes.Scheme scheme,
            IndexMethod method) throws SQLException {
        System.err.printf("pgvector: D=%d %s %s index build started%n", dim, scheme, method);
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); IndexBuildProgress ignored = new IndexBuildProgress(db, 30)) {
            s.execute("SET maintenance_work_mem = '" + setup.maintenanceMemory() + "'");
            s.execute("SET max_parallel_maintenance_workers = " + Math.max(0, setup.workers()));
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, scheme, method);
            s.execute("ANALYZE concepts");
        }
        double seconds = Timing.secondsSince(t0);
        System.err.printf("pgvector: D=%d %s %s index built in %.1f s%n", dim, scheme, method, seconds);
        return seconds;
    }

    // Reads the whole index into shared_buffers (pg_prewarm, mode buffer) before the warm-up queries, so the timed
    // queries measure a resident index; needs the pg_prewarm extension in the scratch database's template.
    private static void prewarm(Connection c, String index, Map<String, Object> row) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_prewarm('" + index + "', 'buffer')")) {
            rs.next();
            row.put("prewarm_pages", rs.getLong(1));
        } catch (SQLException e) {
            throw new SQLException("--prewarm yes needs the pg_prewarm extension in the scratch database (CREATE EXTENSION pg_prewarm"
                    + " in template1 as a superuser): " + e.getMessage(), e);
        }
        row.put("prewarm_s", Timing.secondsSince(t0));
        System.err.printf("pgvector: %s prewarmed, %d pages in %.1f s%n", index, (Long) row.get("prewarm_pages"), (Double) row.get("prewarm_s"));
    }

    private static Map<String, Object> searchFigures(Connection c, ConceptVectorSet set, Truth truth, SearchTuning tuning,
            VectorIndexes.Scheme scheme, IndexMethod method) throws SQLException {
        boolean ivf = method instanceof IndexMethod.Ivfflat;
        double[] ms = new double[truth.queries()];
        double recall = 0;
        for (int q = 0; q < ms.length; q++) {
            float[] query = set.query(q);
            long t = System.nanoTime();
            List<VectorSearch.Hit> hits = VectorSearch.nearest(c, VectorTable.CONCEPTS, query, K, tuning, scheme);
            ms[q] = Timing.secondsSince(t) * 1000;
            recall += truth.recall(q, hits);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ef_search", ivf ? "" : tuning.efSearchFor(K));
        row.put("probes", ivf ? tuning.probes() : "");
        row.put("overfetch", tuning.overfetch());
        boolean applications = !ivf && scheme == VectorIndexes.schemeFor(set.dim()) && tuning.equals(SearchTuning.defaults(scheme));
        row.put("default", applications ? "yes" : "");
        row.put("p50_ms", Timing.quantile(ms, 0.5));
        row.put("p95_ms", Timing.quantile(ms, 0.95));
        row.put("recall_at_10", recall / ms.length);
        row.put("exact_p50_ms", truth.exactP50Millis());
        row.put("speedup", truth.exactP50Millis() / Timing.quantile(ms, 0.5));
        row.put("exact_agreement", truth.agreement());
        System.err.printf("pgvector: D=%d %s %s %s %s=%d overfetch=%d p50 %.2f ms p95 %.2f ms recall %.3f%n", set.dim(), set.kind(), scheme,
                method, ivf ? "probes" : "ef", ivf ? tuning.probes() : tuning.efSearchFor(K), tuning.overfetch(), Timing.quantile(ms, 0.5), Timing.quantile(ms, 0.95), recall / ms.length);
        return row;
    }

    // The brute-force truth names row i as id i + 1: true only for a freshly truncated table loaded in order.
    private static void requireIdsInLoadOrder(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT min(concept_id), max(concept_id), count(*) FROM concepts")) {
            rs.next();
            if (rs.getLong(1) != 1 || rs.getLong(2) != n || rs.getLong(3) != n) {
                throw new IllegalStateException("concept ids are not 1.." + n + " in load order (min " + rs.getLong(1) + ", max "
                        + rs.getLong(2) + ", count " + rs.getLong(3) + "): recall would be judged against the wrong rows");
            }
        }
    }

    private static double megabytes(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) / 1e6;
        }
    }
}
