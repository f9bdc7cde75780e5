package io.shiftwatch.analyzer.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionRequestTest {

    @Test
    void aMultiWordTargetIsRejectedSayingToGiveOneWordPerTarget() {
        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ExtractionRequest.of(List.of("red car"), List.of(1), 8, 4));

        // Then
        assertTrue(e.getMessage().contains("'red car' is not a single word"), e.getMessage());
    }

    @Test
    void aHyphenatedTargetIsTwoWordsToTheTokenizer() {
        // When / Then
        assertThrows(IllegalArgumentException.class, () -> ExtractionRequest.of(List.of("t-shirt"), List.of(1), 8, 4));
    }

    @Test
    void targetsAndLayersAreSortedSets() {
        // When
        var request = ExtractionRequest.of(List.of("red", "dog", "red"), List.of(4, -1, 4), 8, 4);

        // Then
        assertEquals(List.of("dog", "red"), request.targets());
        assertEquals(List.of(-1, 4), request.layers());
    }

    @Test
    void aLayerBelowTheFinalNormMarkerIsRejected() {
        // When / Then
        assertThrows(IllegalArgumentException.class, () -> ExtractionRequest.of(List.of("dog"), List.of(-2), 8, 4));
    }
}
