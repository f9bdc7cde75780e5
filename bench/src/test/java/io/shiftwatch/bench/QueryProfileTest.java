package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryProfileTest {

    @Test
    void theTopNodesBuffersAndTheExecutionTimeAreTaken() {
        // Given an EXPLAIN (ANALYZE, BUFFERS) of a top-10 search (abridged)
        String explain = """
                Limit  (cost=1.0..2.0 rows=10 width=40) (actual time=4.1..4.9 rows=10 loops=1)
                  Buffers: shared hit=1609 read=12
                  ->  Index Scan using concepts_vec_hnsw_d1024 on concepts  (actual time=4.1..4.8 rows=10 loops=1)
                        Buffers: shared hit=1500 read=12
                Planning Time: 0.2 ms
                Execution Time: 5.125 ms
                """;

        // When
        QueryProfile profile = QueryProfile.parse(explain);

        // Then
        assertEquals(new QueryProfile(5.125, 1609, 12), profile);
    }

    @Test
    void aPlanWithOnlyHitsReadsZeroPages() {
        assertEquals(new QueryProfile(0.5, 20, 0), QueryProfile.parse("Limit\n  Buffers: shared hit=20\nExecution Time: 0.5 ms\n"));
    }
}
