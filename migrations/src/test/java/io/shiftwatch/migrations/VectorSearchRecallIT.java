package io.shiftwatch.migrations;

import com.pgvector.PGvector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recall of the approximate search against the exact one, on vectors shaped like concept
 * dictionaries: CENTRES concepts, each seen MEMBERS times with noise (the same concept in many
 * checkpoints), queried with fresh members. One width per index scheme. Clusters are larger than the
 * old candidate list on purpose: the old search (pgvector's ef_search 40, 10x Hamming over-fetch)
 * scored recall@10 0.78 on exactly this data at 4,096 dims (measured 2026-12-01), the current one passes.
 * Each index scheme is tested at a width it serves; at 4,096 both the application's half-precision
 * prefix and the sign-bit scheme it replaced (still used above 8,000) run on the same rows, and each
 * query must use its own index (EXPLAIN).
 */
class VectorSearchRecallIT {
    private static final int CENTRES = 10;
    private static final int MEMBERS = 200;
    private static final int QUERIES = 20;
    private static final double NOISE = 0.5;
    private static final Set<Integer> STORED = new HashSet<>();
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
    @CsvSource({"256, VECTOR", "2048, HALFVEC", "4096, HALFVEC_PREFIX", "4096, BINARY_QUANTIZED"})
    void approximateTopTenHoldsAtLeast95PercentOfTheExactTopTen(int dim, VectorIndexes.Scheme scheme) throws SQLException {
        // Given CENTRES x MEMBERS clustered concepts of width dim, indexed, and fresh members as queries
        float[][] centres = gaussian(CENTRES, dim, 1.0, new SplittableRandom(dim));
        if (STORED.add(dim)) store(dim, members(centres, CENTRES * MEMBERS, new SplittableRandom(dim + 1)));
        float[][] queries = members(centres, QUERIES, new SplittableRandom(dim + 2));
        double recall = 0;
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, scheme);
            assertTrue(explain(c, dim, scheme).contains(VectorIndexes.indexName(VectorTable.CONCEPTS, dim, scheme)),
                    "the " + scheme + " search must use its own index");

            // When
            for (float[] q : queries) {
                recall += overlap(VectorSearch.nearest(c, VectorTable.CONCEPTS, q, 10, SearchTuning.defaults(scheme), scheme),
                        VectorSearch.exactNearest(c, VectorTable.CONCEPTS, q, 10)) / 10.0;
            }

            // Then
            assertTrue(recall / QUERIES >= 0.95, "recall@10 at D=" + dim + " (" + scheme + ") was " + recall / QUERIES);
        }
    }

    @ParameterizedTest
    @CsvSource({"200, VECTOR", "2040, HALFVEC", "4100, HALFVEC_PREFIX"})
    void anIvfflatIndexWithDefaultProbesHoldsAtLeast95PercentOfTheExactTopTen(int dim, VectorIndexes.Scheme scheme) throws SQLException {
        // Given the same kind of clustered rows, at widths of their own so that only the IVFFlat index exists for them
        float[][] centres = gaussian(CENTRES, dim, 1.0, new SplittableRandom(dim));
        if (STORED.add(dim)) store(dim, members(centres, CENTRES * MEMBERS, new SplittableRandom(dim + 1)));
        float[][] queries = members(centres, QUERIES, new SplittableRandom(dim + 2));
        IndexMethod method = IndexMethod.Ivfflat.forRows(CENTRES * MEMBERS * 10L); // 20 lists: 2 per concept
        double recall = 0;
        try (Connection c = db.connect()) {
            VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim, scheme, method);
            String plan = VectorSearch.plan(c, VectorTable.CONCEPTS, queries[0], 10, SearchTuning.defaults(scheme), scheme);
            assertTrue(plan.contains(VectorIndexes.indexName(VectorTable.CONCEPTS, dim, scheme, method)), plan);

            // When
            for (float[] q : queries) {
                recall += overlap(VectorSearch.nearest(c, VectorTable.CONCEPTS, q, 10, SearchTuning.defaults(scheme), scheme),
                        VectorSearch.exactNearest(c, VectorTable.CONCEPTS, q, 10)) / 10.0;
            }

            // Then
            assertTrue(recall / QUERIES >= 0.95, "IVFFlat recall@10 at D=" + dim + " (" + scheme + ") was " + recall / QUERIES);
        }
    }

    // The plan of the scheme's query for a zero vector (the parameters only change the values, not the plan).
    private static String explain(Connection c, int dim, VectorIndexes.Scheme scheme) throws SQLException {
        float[] zero = new float[dim];
        zero[0] = 1;
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + VectorSearch.querySql(VectorTable.CONCEPTS, dim, scheme))) {
            ps.setObject(1, new PGvector(zero));
            ps.setObject(2, new PGvector(zero));
            ps.setInt(3, 40);
            if (scheme.reranked()) ps.setInt(4, 10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void theExactBaselineMatchesABruteForceInJava() throws SQLException {
        // Given
        int dim = 64;
        float[][] centres = gaussian(10, dim, 1.0, new SplittableRandom(5));
        float[][] stored = members(centres, 500, new SplittableRandom(6));
        long firstId = store(dim, stored);
        float[] query = members(centres, 1, new SplittableRandom(7))[0];

        // When
        List<VectorSearch.Hit> exact;
        try (Connection c = db.connect()) {
            exact = VectorSearch.exactNearest(c, VectorTable.CONCEPTS, query, 10);
        }

        // Then
        int[] truth = bruteForceTop(stored, query, 10);
        for (int i = 0; i < 10; i++) assertEquals(Long.toString(firstId + truth[i]), exact.get(i).id());
    }

    private static int overlap(List<VectorSearch.Hit> approximate, List<VectorSearch.Hit> exact) {
        Set<String> truth = new HashSet<>();
        exact.forEach(h -> truth.add(h.id()));
        return (int) approximate.stream().filter(h -> truth.contains(h.id())).count();
    }

    private static int[] bruteForceTop(float[][] stored, float[] q, int k) {
        double[] cos = new double[stored.length];
        for (int i = 0; i < stored.length; i++) cos[i] = dot(stored[i], q) / Math.sqrt(dot(stored[i], stored[i]));
        return java.util.stream.IntStream.range(0, stored.length).boxed()
                .sorted((a, b) -> Double.compare(cos[b], cos[a])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    private static float[][] gaussian(int rows, int dim, double sigma, SplittableRandom random) {
        float[][] v = new float[rows][dim];
        for (float[] row : v)
            for (int j = 0; j < dim; j++) row[j] = (float) (sigma * random.nextGaussian());
        return v;
    }

    // Row i is centre (i mod centres) plus N(0, NOISE^2) noise.
    private static float[][] members(float[][] centres, int rows, SplittableRandom random) {
        float[][] noise = gaussian(rows, centres[0].length, NOISE, random);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < noise[i].length; j++) noise[i][j] += centres[i % centres.length][j];
        return noise;
    }

    /** Stores the rows in one dictionary of their width; returns the id of the first (ids are consecutive). */
    private static long store(int dim, float[][] vectors) throws SQLException {
        String dictionary = String.format("%064x", dim);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dictionaries (dictionary_id, model_hash,"
                    + " probe_set_hash, target, layer, method, k, seed, config_hash, sample_count, is_base)"
                    + " VALUES (?, 'm', 'p', 'dog', 4, 'KMEANS', ?, 1, ?, ?, true)")) {
                ps.setString(1, dictionary);
                ps.setInt(2, vectors.length);
                ps.setString(3, "cfg" + dim);
                ps.setInt(4, vectors.length);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count)"
                    + " VALUES (?, ?, ?, ?, 1, 1)")) {
                for (int i = 0; i < vectors.length; i++) {
                    ps.setString(1, dictionary);
                    ps.setInt(2, i);
                    ps.setObject(3, new PGvector(vectors[i]));
                    ps.setInt(4, dim);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement("SELECT min(concept_id) FROM concepts WHERE dictionary_id = ?")) {
                ps.setString(1, dictionary);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
