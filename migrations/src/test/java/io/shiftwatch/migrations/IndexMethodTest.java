package io.shiftwatch.migrations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexMethodTest {
    @Test
    void listsFollowPgvectorsGuidanceRowsOverAThousandUpToAMillionThenTheSquareRoot() {
        // Given / When / Then
        assertEquals(new IndexMethod.Ivfflat(100), IndexMethod.Ivfflat.forRows(100_000));
        assertEquals(new IndexMethod.Ivfflat(1000), IndexMethod.Ivfflat.forRows(1_000_000));
        assertEquals(new IndexMethod.Ivfflat(2000), IndexMethod.Ivfflat.forRows(4_000_000));
        assertEquals(new IndexMethod.Ivfflat(1), IndexMethod.Ivfflat.forRows(300));
        assertEquals(new IndexMethod.Ivfflat(32768), IndexMethod.Ivfflat.forRows(2_000_000_000_000L));
    }

    @Test
    void listsOutsidePgvectorsRangeAreRejectedWithTheRange() {
        // When
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new IndexMethod.Ivfflat(0));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> new IndexMethod.Ivfflat(32769));

        // Then
        assertEquals("ivfflat lists must be in 1..32768 (pgvector's range), got 0", zero.getMessage());
        assertEquals("ivfflat lists must be in 1..32768 (pgvector's range), got 32769", tooMany.getMessage());
    }

    @Test
    void anIvfflatIndexIsDueForARebuildAfterFourfoldGrowthAndHnswNever() {
        // Given an IVFFlat index built over 250k rows
        IndexMethod ivfflat = new IndexMethod.Ivfflat(250);

        // When / Then
        assertFalse(IndexMethod.rebuildDue(ivfflat, 250_000, 1_000_000));
        assertTrue(IndexMethod.rebuildDue(ivfflat, 250_000, 1_000_001));
        assertTrue(IndexMethod.rebuildDue(ivfflat, 0, 1));
        assertFalse(IndexMethod.rebuildDue(IndexMethod.HNSW, 0, 1_000_000));
        assertThrows(IllegalArgumentException.class, () -> IndexMethod.rebuildDue(ivfflat, -1, 5));
    }

    @Test
    void theAccessMethodIsWhatCreateIndexUsing() {
        assertEquals("hnsw", IndexMethod.HNSW.accessMethod());
        assertEquals("ivfflat", new IndexMethod.Ivfflat(7).accessMethod());
    }
}
