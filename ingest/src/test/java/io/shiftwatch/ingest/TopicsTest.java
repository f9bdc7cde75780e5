package io.shiftwatch.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicsTest {

    @Test
    void standardNamesAreTheContract() {
        // When
        List<String> names = Topics.standard().allNames();
        // Then
        assertEquals(List.of("shiftwatch.checkpoints", "shiftwatch.checkpoints.dlq", "shiftwatch.analyses",
                "shiftwatch.concept-drift", "shiftwatch.analysis-progress", "shiftwatch.alerts"), names);
    }

    @Test
    void prefixGoesInFrontOfEveryName() {
        // When
        Topics topics = Topics.withPrefix("it-42.");
        // Then
        assertEquals("it-42.shiftwatch.checkpoints", topics.checkpoints().name());
        assertEquals("it-42.shiftwatch.alerts", topics.alerts());
    }

    @Test
    void prefixWithIllegalCharactersIsRefused() {
        // When / Then
        assertThrows(IllegalArgumentException.class, () -> Topics.withPrefix("a/b"));
    }
}
