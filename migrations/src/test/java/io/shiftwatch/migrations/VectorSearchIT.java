package io.shiftwatch.migrations;

import com.pgvector.PGvector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorSearchIT {
    private static final int ROWS = 300;
    private static ThrowawayDatabase db;

    @BeforeAll
    static void migrate() throws SQLException {
        db = ThrowawayDatabase.migrated();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 2048, 4096})
    void theNearestConceptOfAStoredVectorIsItselfAndTheIndexIsUsed(int dim) throws SQLException {
        // Given ROWS random concepts of width dim and their per-dimension index
        float[][] vectors = randomVectors(dim, 1000L + dim);
        long[] ids = store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim); // idempotent

            // When
            List<VectorSearch.Hit> hits = VectorSearch.nearest(c, VectorTable.CONCEPTS, vectors[17], 5);

            // Then
            assertEquals(5, hits.size());
            assertEquals(Long.toString(ids[17]), hits.getFirst().id());
            assertEquals(1.0, hits.getFirst().cosine(), dim > 2000 ? 1e-3 : 1e-5);
            assertTrue(plan(c, dim, vectors[17]).contains(VectorIndexes.indexName(VectorTable.CONCEPTS, dim)),
                    "the plan must use the per-dimension HNSW index");
        }
    }

    @Test
    void thePrefixIndexReplacesTheSignBitIndexAWidthHadBefore() throws SQLException {
        // Given a width of 5000 indexed the old way (sign bits)
        int dim = 5000;
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.BINARY_QUANTIZED);
            assertEquals(List.of("concepts_vec_hnsw_d5000"), indexesOf(c, dim));

            // When
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);

            // Then
            assertEquals(List.of("concepts_vec_hnsw_d5000_p4000"), indexesOf(c, dim));
        }
    }

    private static List<String> indexesOf(Connection c, int dim) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT indexname FROM pg_indexes WHERE tablename = 'concepts'"
                + " AND indexname LIKE ? ORDER BY indexname")) {
            ps.setString(1, "concepts_vec_hnsw_d" + dim + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void aLargeCandidateListStillSearchesTheIndexNotTheWholeTable() throws SQLException {
        // Given a small table (where a sequential scan looks cheap) and the largest candidate list pgvector allows
        int dim = 24;
        float[][] vectors = randomVectors(dim, 77L);
        store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);

            // When
            String plan = VectorSearch.plan(c, VectorTable.CONCEPTS, vectors[3], 10, new SearchTuning(SearchTuning.MAX_EF_SEARCH, 1),
                    VectorIndexes.Scheme.VECTOR);

            // Then
            assertTrue(plan.contains(VectorIndexes.indexName(VectorTable.CONCEPTS, dim)) && !plan.contains("Seq Scan"), plan);
        }
    }

    @Test
    void aHalfPrecisionIndexOfANarrowWidthIsBuiltBesideItsVectorIndexAndSearchedThroughIt() throws SQLException {
        // Given a width with its vector index
        int dim = 26;
        float[][] vectors = randomVectors(dim, 79L);
        long[] ids = store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);

            // When a halfvec index is asked for the same width
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.HALFVEC);
            SearchTuning tuning = SearchTuning.defaults(VectorIndexes.Scheme.HALFVEC);
            List<VectorSearch.Hit> hits = VectorSearch.nearest(c, VectorTable.CONCEPTS, vectors[9], 5, tuning, VectorIndexes.Scheme.HALFVEC);
            String plan = VectorSearch.plan(c, VectorTable.CONCEPTS, vectors[9], 5, tuning, VectorIndexes.Scheme.HALFVEC);

            // Then both exist, and the halfvec search uses its own index and returns the exact cosine of the re-rank
            assertEquals(List.of("concepts_vec_hnsw_d26", "concepts_vec_hnsw_d26_h"), indexesOf(c, dim));
            assertTrue(plan.contains("concepts_vec_hnsw_d26_h"), plan);
            assertEquals(Long.toString(ids[9]), hits.getFirst().id());
            assertEquals(1.0, hits.getFirst().cosine(), 1e-6);
        }
    }

    @Test
    void theProfileOfALargeCandidateListExecutesTheIndexScanTheSearchRuns() throws SQLException {
        // Given the same situation: a small table and the largest candidate list
        int dim = 25;
        float[][] vectors = randomVectors(dim, 78L);
        store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);

            // When
            String profile = VectorSearch.profile(c, VectorTable.CONCEPTS, vectors[3], 10,
                    new SearchTuning(SearchTuning.MAX_EF_SEARCH, 1), VectorIndexes.Scheme.VECTOR);

            // Then: executed (timed, with buffers) through the index, not a sequential scan + sort
            assertTrue(profile.contains(VectorIndexes.indexName(VectorTable.CONCEPTS, dim)) && !profile.contains("Seq Scan")
                    && profile.contains("Execution Time") && profile.contains("Buffers: shared"), profile);
        }
    }

    @Test
    void anIvfflatIndexGetsItsOwnNameBesideTheHnswIndexOfTheSameExpression() throws SQLException {
        // Given a width with its HNSW index
        int dim = 27;
        store(dim, randomVectors(dim, 80L));
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);

            // When
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.VECTOR, new IndexMethod.Ivfflat(10));

            // Then both exist, the IVFFlat one with its list count
            try (PreparedStatement ps = c.prepareStatement("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'concepts'"
                    + " AND indexname LIKE 'concepts_vec_%_d27' ORDER BY indexname"); ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("concepts_vec_hnsw_d27", rs.getString(1));
                assertTrue(rs.next());
                assertEquals("concepts_vec_ivfflat_d27", rs.getString(1));
                assertTrue(rs.getString(2).contains("USING ivfflat") && rs.getString(2).contains("lists='10'"), rs.getString(2));
            }
        }
    }

    @Test
    void ivfflatProbesAreHonouredOneListMissesNeighboursAndEveryListIsExact() throws SQLException {
        // Given unclustered vectors (the hard case for one probe) in an IVFFlat index of 10 lists and no other index
        int dim = 28;
        float[][] vectors = randomVectors(dim, 81L);
        store(dim, vectors);
        IndexMethod ivfflat = new IndexMethod.Ivfflat(10);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.VECTOR, ivfflat);
            int oneListOverlap = 0;
            boolean everyListExact = true;

            // When five queries are searched with 1 probe and with 10 (all lists)
            for (int q = 0; q < 5; q++) {
                float[] query = randomVectors(dim, 900L + q)[0];
                List<String> exact = ids(VectorSearch.exactNearest(c, VectorTable.CONCEPTS, query, 10));
                oneListOverlap += overlap(exact, ids(VectorSearch.nearest(c, VectorTable.CONCEPTS, query, 10,
                        new SearchTuning(SearchTuning.DEFAULT_EF_SEARCH, 1, 1), VectorIndexes.Scheme.VECTOR)));
                everyListExact &= exact.equals(ids(VectorSearch.nearest(c, VectorTable.CONCEPTS, query, 10,
                        new SearchTuning(SearchTuning.DEFAULT_EF_SEARCH, 1, 10), VectorIndexes.Scheme.VECTOR)));
            }
            String plan = VectorSearch.plan(c, VectorTable.CONCEPTS, vectors[0], 10, new SearchTuning(100, 1, 1), VectorIndexes.Scheme.VECTOR);

            // Then
            assertTrue(plan.contains("concepts_vec_ivfflat_d28") && !plan.contains("Seq Scan"), plan);
            assertTrue(oneListOverlap < 50, "one probe of 10 lists found all 50 true neighbours: probes not honoured?");
            assertTrue(everyListExact, "probing every list must return the exact top 10 in order");
        }
    }

    @Test
    void theProfileOfAnIvfflatSearchTouchesMorePagesWithMoreProbes() throws SQLException {
        // Given
        int dim = 29;
        float[][] vectors = randomVectors(dim, 82L);
        store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.VECTOR, new IndexMethod.Ivfflat(10));

            // When
            long one = pagesHit(VectorSearch.profile(c, VectorTable.CONCEPTS, vectors[4], 10, new SearchTuning(100, 1, 1),
                    VectorIndexes.Scheme.VECTOR));
            long all = pagesHit(VectorSearch.profile(c, VectorTable.CONCEPTS, vectors[4], 10, new SearchTuning(100, 1, 10),
                    VectorIndexes.Scheme.VECTOR));

            // Then
            assertTrue(one > 0 && all > one, "pages hit with 1 probe " + one + ", with 10 probes " + all);
        }
    }

    @Test
    void rebuildingAnIvfflatIndexRetrainsItWithTheNewListCountUnderTheSameName() throws SQLException {
        // Given an IVFFlat index of 2 lists built over the rows of the time
        int dim = 30;
        float[][] vectors = randomVectors(dim, 83L);
        store(dim, vectors);
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.VECTOR, new IndexMethod.Ivfflat(2));

            // When
            VectorIndexes.rebuildIndex(c, VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.VECTOR, new IndexMethod.Ivfflat(12));

            // Then: one index of that name, now with 12 lists, and the search still finds a stored row first
            try (PreparedStatement ps = c.prepareStatement("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'concepts'"
                    + " AND indexname LIKE 'concepts_vec_%_d30'"); ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("concepts_vec_ivfflat_d30", rs.getString(1));
                assertTrue(rs.getString(2).contains("lists='12'"), rs.getString(2));
                assertTrue(!rs.next(), "one index only");
            }
            assertEquals(1.0, VectorSearch.nearest(c, VectorTable.CONCEPTS, vectors[5], 1).getFirst().cosine(), 1e-5);
        }
    }

    private static long pagesHit(String profile) {
        var m = java.util.regex.Pattern.compile("Buffers: shared hit=(\\d+)").matcher(profile);
        if (!m.find()) throw new AssertionError("no buffer line in " + profile);
        return Long.parseLong(m.group(1));
    }

    private static List<String> ids(List<VectorSearch.Hit> hits) {
        return hits.stream().map(VectorSearch.Hit::id).toList();
    }

    private static int overlap(List<String> exact, List<String> approximate) {
        return (int) approximate.stream().filter(exact::contains).count();
    }

    private static long[] store(int dim, float[][] vectors) throws SQLException {
        String dictionary = String.format("%064x", dim);
        long[] ids = new long[vectors.length];
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO concept_dictionaries (dictionary_id, model_hash, probe_set_hash, target, layer, method, k, seed,"
                        + " config_hash, sample_count, is_base) VALUES ('" + dictionary + "', 'm', 'p', 'dog', 4, 'KMEANS', " + ROWS
                        + ", 1, 'cfg" + dim + "', " + ROWS + ", true)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count)"
                    + " VALUES (?, ?, ?, ?, 1, 1) RETURNING concept_id")) {
                for (int i = 0; i < vectors.length; i++) {
                    ps.setString(1, dictionary);
                    ps.setInt(2, i);
                    ps.setObject(3, new PGvector(vectors[i]));
                    ps.setInt(4, dim);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE concepts");
            }
        }
        return ids;
    }

    // A fresh statement text per call (EXPLAIN prefix) so pgjdbc's cached generic plan does not interfere;
    // sequential scans are disabled because a 300-row table would otherwise rightly be scanned.
    private static String plan(Connection c, int dim, float[] query) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        String sql = "EXPLAIN " + VectorSearch.querySql(VectorTable.CONCEPTS, dim);
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            var v = new PGvector(query);
            int params = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= params; i++) {
                boolean limit = i >= 3; // query vector(s) first, then the LIMITs
                if (limit) ps.setInt(i, 10);
                else ps.setObject(i, v);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static float[][] randomVectors(int dim, long seed) {
        var random = new SplittableRandom(seed);
        float[][] v = new float[ROWS][dim];
        for (float[] row : v)
            for (int j = 0; j < dim; j++) row[j] = (float) (random.nextDouble() * 2 - 1);
        return v;
    }
}
