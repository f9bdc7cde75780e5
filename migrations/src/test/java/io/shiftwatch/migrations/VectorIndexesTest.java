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
    void widthsAbove4000UseBinaryQuantisation() {
        // Given
        int dim = 4096;

        // When
        VectorIndexes.Scheme scheme = VectorIndexes.schemeFor(dim);

        // Then
        assertEquals(VectorIndexes.Scheme.BINARY_QUANTIZED, scheme);
        assertEquals("(binary_quantize(vec)::bit(4096))", VectorIndexes.indexedExpression(VectorTable.CONCEPTS, dim));
        assertEquals(VectorIndexes.Scheme.HALFVEC, VectorIndexes.schemeFor(4000));
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
}
