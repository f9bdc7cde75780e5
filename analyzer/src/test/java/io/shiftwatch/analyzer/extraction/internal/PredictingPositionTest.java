package io.shiftwatch.analyzer.extraction.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PredictingPositionTest {

    @Test
    void theFirstOccurrenceWins() {
        // Given
        List<String> tokens = List.of("a", "dog", "and", "a", "dog");

        // When
        int position = PredictingPosition.first(tokens, "dog");

        // Then
        assertEquals(1, position);
    }

    @Test
    void aWordInsideAnotherWordIsNotAnOccurrence() {
        // Given
        List<String> tokens = List.of("a", "covered", "bored", "redwood", "red");

        // When
        int position = PredictingPosition.first(tokens, "red");

        // Then
        assertEquals(4, position);
    }

    @Test
    void anOutputWithoutTheTargetHasNoPosition() {
        // Given
        List<String> tokens = List.of("a", "covered", "shape");

        // When
        int position = PredictingPosition.first(tokens, "red");

        // Then
        assertEquals(-1, position);
    }

    @Test
    void theFirstGeneratedTokenIsPositionZero() {
        // When
        int position = PredictingPosition.first(List.of("red", "shape"), "red");

        // Then
        assertEquals(0, position);
    }
}
