package io.shiftwatch.analyzer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnalysisConfigTest {
    private static final AnalysisConfig BASE = new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 20, 10, 42, 10, 32, 32);

    @Test
    void theOrderOfTargetsAndLayersAndTheBatchSizeDoNotChangeTheHash() {
        // Given the same analysis written differently, with another batch size
        var same = new AnalysisConfig(List.of("dog", "red", "dog"), List.of(2, -1), 20, 10, 42, 10, 32, 8);

        // When
        String a = BASE.configHash();
        String b = same.configHash();

        // Then
        assertEquals(a, b);
    }

    @Test
    void everyResultChangingFieldChangesTheHash() {
        // Given variants that each change one thing that changes results
        List<AnalysisConfig> variants = List.of(
                new AnalysisConfig(List.of("red"), List.of(-1, 2), 20, 10, 42, 10, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1), 20, 10, 42, 10, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 19, 10, 42, 10, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 20, 9, 42, 10, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 20, 10, 43, 10, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 20, 10, 42, 11, 32, 32),
                new AnalysisConfig(List.of("red", "dog"), List.of(-1, 2), 20, 10, 42, 10, 31, 32));

        // When / Then
        for (AnalysisConfig v : variants) assertNotEquals(BASE.configHash(), v.configHash(), v.canonical());
    }

    @Test
    void aConfigWithoutTargetsIsRejected() {
        // Given
        List<String> none = List.of();

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> new AnalysisConfig(none, List.of(-1), 20, 10, 42, 10, 32, 32));

        // Then
        assertEquals("at least one target token is needed", e.getMessage());
    }
}
