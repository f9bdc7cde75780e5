package io.shiftwatch.dashboards.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConceptQueriesTest {
    @Test
    void wordsSplitIntoKeptAddedAndLost() {
        // When
        var change = ConceptQueries.wordChange(List.of("man", "street", "hat"), List.of("woman", "man", "nurse"));

        // Then
        assertEquals(List.of("man"), change.kept());
        assertEquals(List.of("woman", "nurse"), change.added());
        assertEquals(List.of("street", "hat"), change.lost());
    }

    @Test
    void identicalGroundingsChangeNothing() {
        var change = ConceptQueries.wordChange(List.of("a", "b"), List.of("a", "b"));
        assertEquals(List.of(), change.added());
        assertEquals(List.of(), change.lost());
    }

    @Test
    void pgvectorTextIsParsed() {
        assertArrayEquals(new float[]{1f, -2.5f, 3f}, SearchQueries.parseVector("[1,-2.5,3]"));
        assertThrows(IllegalArgumentException.class, () -> SearchQueries.parseVector("1,2"));
    }

    @Test
    void prometheusLabelValuesAreEscaped() {
        assertEquals("a\\\"b\\\\c\\n", PrometheusMetrics.label("a\"b\\c\n"));
    }
}
