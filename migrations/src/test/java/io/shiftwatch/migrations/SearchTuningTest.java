package io.shiftwatch.migrations;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchTuningTest {
    @Test
    void theCandidateListIsNeverShorterThanTheCandidatesAsked() {
        // Given 40x over-fetch for a top 10
        SearchTuning tuning = new SearchTuning(100, 40);

        // When
        int ef = tuning.efSearchFor(10);

        // Then
        assertEquals(400, tuning.candidates(10));
        assertEquals(400, ef);
    }

    @Test
    void efSearchIsCappedAtPgvectorsLimit() {
        // Given
        SearchTuning tuning = new SearchTuning(100, 40);

        // When
        int ef = tuning.efSearchFor(100);

        // Then
        assertEquals(SearchTuning.MAX_EF_SEARCH, ef);
    }

    @Test
    void defaultsFollowTheIndexScheme() {
        // When / Then
        assertEquals(new SearchTuning(SearchTuning.DEFAULT_EF_SEARCH, 1), SearchTuning.defaults(1024));
        assertEquals(SearchTuning.HALFVEC_OVERFETCH, SearchTuning.defaults(3000).overfetch());
        assertEquals(SearchTuning.PREFIX_OVERFETCH, SearchTuning.defaults(4096).overfetch());
        assertEquals(SearchTuning.BINARY_OVERFETCH, SearchTuning.defaults(8192).overfetch());
        assertEquals(SearchTuning.BINARY_OVERFETCH, SearchTuning.defaults(VectorIndexes.Scheme.BINARY_QUANTIZED).overfetch());
    }

    @Test
    void efSearchOutsidePgvectorsRangeIsRejected() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchTuning(1001, 1));

        // Then
        assertEquals("ef_search must be in 1..1000 (pgvector's range), got 1001", e.getMessage());
    }

    @Test
    void probesDefaultAndStayWithinPgvectorsRange() {
        // Given
        SearchTuning hnsw = new SearchTuning(100, 2);

        // When
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> hnsw.withProbes(0));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> new SearchTuning(100, 2, 32769));

        // Then
        assertEquals(SearchTuning.DEFAULT_PROBES, hnsw.probes());
        assertEquals(new SearchTuning(100, 2, 32768), hnsw.withProbes(32768));
        assertEquals("ivfflat probes must be in 1..32768 (pgvector's range), got 0", zero.getMessage());
        assertEquals("ivfflat probes must be in 1..32768 (pgvector's range), got 32769", tooMany.getMessage());
    }
}
