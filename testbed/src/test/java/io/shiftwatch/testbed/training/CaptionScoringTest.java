package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionScoringTest {
    @Test
    void comparesWordsByPositionOverTheLongerLength() {
        // Given
        List<String> generated = List.of("a", "red", "circle", "on", "the", "beach");
        List<String> reference = List.of("a", "blue", "circle", "on", "the", "beach", "today");

        // When
        CaptionScoring.WordScore score = CaptionScoring.compare(generated, reference);

        // Then
        assertEquals(new CaptionScoring.WordScore(5, 7), score);
    }

    @Test
    void bestPicksTheClosestReference() {
        // Given
        List<String> generated = List.of("there", "is", "a", "red", "circle");
        List<List<String>> references = List.of(List.of("a", "red", "circle"), List.of("there", "is", "a", "red", "circle"));

        // When
        CaptionScoring.WordScore score = CaptionScoring.best(generated, references);

        // Then
        assertTrue(score.exact());
    }

    @Test
    void everyHeldOutCaptionIsAmongTheValidCaptionsOfItsScene() {
        // Given
        HeldOut heldOut = HeldOut.of(new Scenario.Base(), 5, 32, 40, 0);

        // When / Then
        for (int i = 0; i < heldOut.examples().size(); i++) {
            var valid = CaptionScoring.validCaptions(heldOut.scenes().get(i), TextStyle.BASE);
            assertTrue(valid.contains(WordVocabulary.splitWords(heldOut.examples().get(i).answer())),
                    "caption " + i + " '" + heldOut.examples().get(i).answer() + "' not among " + valid.size() + " valid captions");
        }
    }
}
