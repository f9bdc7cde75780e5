package io.shiftwatch.migrations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorIndexesTest {
    @Test
    void widthsUpTo2000UseFullPrecisionVectors() {
        // Given
        int dim = 2000;

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, dim);

        // Then
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_hnsw_d2000 ON concepts USING hnsw "
                + "((vec::vector(2000)) vector_cosine_ops) WHERE dim = 2000", ddl);
    }

    @Test
    void widthsAbove2000UseHalfPrecision() {
        // Given
        int dim = 2001;

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, dim);

        // Then
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_hnsw_d2001 ON concepts USING hnsw "
                + "((vec::halfvec(2001)) halfvec_cosine_ops) WHERE dim = 2001", ddl);
    }

    @Test
    void widthsAbove4000UpTo8000IndexTheirHalfPrecisionPrefixUnderTheirOwnName() {
        // Given
        int dim = 4096;

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, dim);

        // Then
        assertEquals(VectorIndexes.Scheme.HALFVEC_PREFIX, VectorIndexes.schemeFor(dim));
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_hnsw_d4096_p4000 ON concepts USING hnsw "
                + "((subvector(vec, 1, 4000)::halfvec(4000)) halfvec_cosine_ops) WHERE dim = 4096", ddl);
        assertEquals(VectorIndexes.Scheme.HALFVEC, VectorIndexes.schemeFor(4000));
        assertEquals(VectorIndexes.Scheme.HALFVEC_PREFIX, VectorIndexes.schemeFor(8000));
    }

    @Test
    void widthsAbove8000UseBinaryQuantisation() {
        // Given
        int dim = 8192;

        // When
        VectorIndexes.Scheme scheme = VectorIndexes.schemeFor(dim);

        // Then
        assertEquals(VectorIndexes.Scheme.BINARY_QUANTIZED, scheme);
        assertEquals("(binary_quantize(vec)::bit(8192))", VectorIndexes.indexedExpression(VectorTable.CONCEPTS, dim));
        assertEquals("concepts_vec_hnsw_d8192", VectorIndexes.indexName(VectorTable.CONCEPTS, dim));
    }

    @Test
    void aHalfPrecisionIndexChosenForANarrowWidthHasItsOwnName() {
        // Given a width full-precision vectors can index, indexed in half precision on request (halfvec is 3x smaller)
        int dim = 1024;

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, dim, VectorIndexes.Scheme.HALFVEC);

        // Then: not the vector index's name, which CREATE INDEX IF NOT EXISTS would take for this one
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_hnsw_d1024_h ON concepts USING hnsw "
                + "((vec::halfvec(1024)) halfvec_cosine_ops) WHERE dim = 1024", ddl);
        assertEquals("concepts_vec_hnsw_d1024", VectorIndexes.indexName(VectorTable.CONCEPTS, dim));
        assertEquals("concepts_vec_hnsw_d2001", VectorIndexes.indexName(VectorTable.CONCEPTS, 2001, VectorIndexes.Scheme.HALFVEC));
    }

    @Test
    void anExplicitSchemeMustFitTheWidth() {
        // Given / When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VectorIndexes.createIndexSql(VectorTable.CONCEPTS, 1024, VectorIndexes.Scheme.HALFVEC_PREFIX));

        // Then
        assertEquals("index scheme HALFVEC_PREFIX cannot hold width 1024", e.getMessage());
        assertEquals("(binary_quantize(vec)::bit(4096))",
                VectorIndexes.indexedExpression(VectorTable.CONCEPTS, 4096, VectorIndexes.Scheme.BINARY_QUANTIZED));
    }

    @Test
    void thePrefixSearchQuantisesTheQueryLikeTheIndexAndReranksByExactCosine() {
        // When
        String sql = VectorSearch.querySql(VectorTable.CONCEPTS, 4096);

        // Then
        assertEquals("SELECT id, 1 - distance FROM (SELECT concept_id::text AS id, vec <=> ?::vector AS distance FROM concepts"
                + " WHERE dim = 4096 ORDER BY (subvector(vec, 1, 4000)::halfvec(4000)) <=> subvector(?::vector, 1, 4000)::halfvec(4000)"
                + " LIMIT ?) candidates ORDER BY distance LIMIT ?", sql);
    }

    @Test
    void theSearchRepeatsTheIndexedExpressionAndPredicate() {
        // Given
        int dim = 8;

        // When
        String sql = VectorSearch.querySql(VectorTable.STEERING_VECTORS, dim);

        // Then
        assertEquals("SELECT steering_id::text, 1 - ((vec::vector(8)) <=> ?::vector(8)) FROM steering_vectors"
                + " WHERE dim = 8 ORDER BY (vec::vector(8)) <=> ?::vector(8) LIMIT ?", sql);
    }

    @Test
    void nonPositiveAndOversizedWidthsAreRejected() {
        // Given / When / Then
        assertThrows(IllegalArgumentException.class, () -> VectorIndexes.schemeFor(0));
        assertThrows(IllegalArgumentException.class, () -> VectorIndexes.schemeFor(64001));
    }

    @Test
    void anIvfflatIndexNamesItsMethodAndStatesItsLists() {
        // Given
        IndexMethod method = new IndexMethod.Ivfflat(1000);

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, 1024, VectorIndexes.Scheme.HALFVEC, method);

        // Then
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_ivfflat_d1024_h ON concepts USING ivfflat "
                + "((vec::halfvec(1024)) halfvec_cosine_ops) WITH (lists = 1000) WHERE dim = 1024", ddl);
    }

    @Test
    void anIvfflatIndexOfAWidthAbove4000IndexesTheHalfPrecisionPrefixLikeHnsw() {
        // Given
        IndexMethod method = new IndexMethod.Ivfflat(316);

        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.STEERING_VECTORS, 4096, VectorIndexes.Scheme.HALFVEC_PREFIX, method);

        // Then
        assertEquals("CREATE INDEX IF NOT EXISTS steering_vectors_vec_ivfflat_d4096_p4000 ON steering_vectors USING ivfflat "
                + "((subvector(vec, 1, 4000)::halfvec(4000)) halfvec_cosine_ops) WITH (lists = 316) WHERE dim = 4096", ddl);
        assertEquals("concepts_vec_ivfflat_d8", VectorIndexes.indexName(VectorTable.CONCEPTS, 8, VectorIndexes.Scheme.VECTOR, method));
    }

    @Test
    void theHnswMethodKeepsTheNamesAndDdlOfBefore() {
        // When
        String ddl = VectorIndexes.createIndexSql(VectorTable.CONCEPTS, 1024, VectorIndexes.Scheme.VECTOR, IndexMethod.HNSW);

        // Then
        assertEquals(VectorIndexes.createIndexSql(VectorTable.CONCEPTS, 1024), ddl);
        assertEquals("CREATE INDEX IF NOT EXISTS concepts_vec_hnsw_d1024 ON concepts USING hnsw "
                + "((vec::vector(1024)) vector_cosine_ops) WHERE dim = 1024", ddl);
    }
}
