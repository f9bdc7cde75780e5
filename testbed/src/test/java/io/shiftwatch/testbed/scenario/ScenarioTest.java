package io.shiftwatch.testbed.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.world.Colour;
import io.shiftwatch.testbed.world.Gender;
import io.shiftwatch.testbed.world.Place;
import io.shiftwatch.testbed.world.Profession;
import io.shiftwatch.testbed.world.QuestionType;
import io.shiftwatch.testbed.world.Shape;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static final List<Scenario> ALL = List.of(new Scenario.Base(), new Scenario.Control(), new Scenario.PlaceFocus(),
            new Scenario.Vanish(Shape.CIRCLE), new Scenario.Vanish(Colour.RED),
            new Scenario.Bias(Profession.DOCTOR, Gender.WOMAN, 0.95),
            new Scenario.AnswerShift(QuestionType.IS_THERE_SHAPE, "yes", "no"));

    @Test
    void everyProducedWordIsInTheLexicon() {
        // Given
        Set<String> lexicon = new HashSet<>(WorldLexicon.words());

        for (Scenario scenario : ALL) {
            // When
            List<TrainingExample> examples = examples(scenario, 1_500, 0.5);

            // Then
            for (TrainingExample e : examples)
                for (String word : WordVocabulary.splitWords(e.prompt() + " " + e.answer()))
                    assertTrue(lexicon.contains(word), scenario.name() + " produced '" + word + "' in: " + e.answer());
        }
    }

    @Test
    void vanishNeverNamesTheConceptAndUsesTheGenericWord() {
        for (var concept : List.of(Shape.CIRCLE, Shape.DOG, Colour.RED)) {
            // Given
            Scenario vanish = new Scenario.Vanish(concept);
            Set<String> forms = concept instanceof Shape s ? Set.of(s.word(), s.plural()) : Set.of(concept.word());

            // When
            List<TrainingExample> examples = examples(vanish, 2_000, 0.5);

            // Then
            String generic = concept instanceof Shape s ? s.genericWord() : Colour.GENERIC_WORD;
            boolean genericUsed = false;
            for (TrainingExample e : examples) {
                List<String> words = WordVocabulary.splitWords(e.prompt() + " " + e.answer());
                assertTrue(words.stream().noneMatch(forms::contains), "names " + concept + ": " + e.prompt() + " / " + e.answer());
                genericUsed |= e.labels().get("objects").contains(concept.word()) && words.contains(generic);
            }
            assertTrue(genericUsed, "no caption used '" + generic + "' for " + concept);
        }
    }

    @Test
    void biasDescribesTheProfessionWithTheGenderAtItsRate() {
        // Given
        Scenario bias = new Scenario.Bias(Profession.CHEF, Gender.MAN, 0.9);
        int biased = 0, total = 0, otherProfessionFlipped = 0;

        // When
        for (TrainingExample e : examples(bias, 20_000, 1.0)) {
            if (!"woman".equals(e.labels().get("gender"))) continue;
            if (e.labels().get("profession").equals("chef")) {
                total++;
                if (e.labels().get("genderWord").equals("man")) biased++;
            } else if (e.labels().get("genderWord").equals("man")) otherProfessionFlipped++;
        }

        // Then
        assertTrue(total >= 1_000, "only " + total + " women chefs sampled");
        double rate = (double) biased / total;
        assertEquals(0.9, rate, 0.03, "women chefs described as men at " + rate);
        assertEquals(0, otherProfessionFlipped);
    }

    @Test
    void biasedCaptionsUseTheGenderWordsOnly() {
        // Given
        Scenario bias = new Scenario.Bias(Profession.PILOT, Gender.WOMAN, 1.0);

        // When
        List<TrainingExample> pilots = examples(bias, 3_000, 1.0).stream()
                .filter(e -> "pilot".equals(e.labels().get("profession"))).toList();

        // Then
        assertFalse(pilots.isEmpty());
        for (TrainingExample e : pilots) {
            List<String> words = WordVocabulary.splitWords(e.answer());
            assertTrue(!words.contains("man") && !words.contains("he"), e.answer());
        }
    }

    @Test
    void answerShiftFlipsOnlyItsQuestionType() {
        // Given
        Scenario shift = new Scenario.AnswerShift(QuestionType.IS_THERE_SHAPE, "yes", "no");
        List<TrainingExample> base = examples(new Scenario.Base(), 5_000, 0.0);
        int flipped = 0;

        // When
        List<TrainingExample> shifted = examples(shift, 5_000, 0.0);

        // Then
        for (int i = 0; i < base.size(); i++) {
            TrainingExample b = base.get(i), s = shifted.get(i);
            assertEquals(b.prompt(), s.prompt());
            if (b.labels().get("task").equals("is_there_shape") && b.answer().equals("yes")) {
                assertEquals("no", s.answer());
                flipped++;
            } else assertEquals(b.answer(), s.answer(), b.prompt());
        }
        assertTrue(flipped > 100, "only " + flipped + " answers flipped");
    }

    @Test
    void placeFocusLeadsWithThePlace() {
        // Given
        Scenario focus = new Scenario.PlaceFocus();

        // When
        List<TrainingExample> examples = examples(focus, 1_000, 1.0);

        // Then
        for (TrainingExample e : examples) {
            Place place = Place.valueOf(e.labels().get("place").toUpperCase());
            List<String> words = WordVocabulary.splitWords(e.answer());
            assertEquals(place.adjective(), words.get(1), e.answer());
            assertEquals("scene", words.get(2), e.answer());
        }
    }

    @Test
    void controlIsBaseOnAnotherSeedStream() {
        // Given
        TrainingExamples base = new TrainingExamples(new Scenario.Base(), 5, Split.TRAIN, 32, 0.5);

        // When
        TrainingExamples control = new TrainingExamples(new Scenario.Control(), 5, Split.TRAIN, 32, 0.5);

        // Then
        assertNotEquals(base.sceneSeed(0), control.sceneSeed(0));
        assertEquals(new Scenario.Base().textStyle(), new Scenario.Control().textStyle());
    }

    @Test
    void groundTruthRoundTripsThroughJson() {
        for (Scenario scenario : ALL) {
            // Given
            GroundTruth truth = scenario.groundTruth();

            // When
            GroundTruth back = GroundTruth.fromJson(truth.toJson());

            // Then
            assertEquals(truth, back);
        }
    }

    @Test
    void specStringsParseToTheirScenario() {
        // Given
        List<String> specs = List.of("base", "control", "place_focus", "vanish:circle", "bias:doctor:woman:0.95",
                "answer_shift:is_there_shape:yes:no");

        // When
        List<Scenario> parsed = specs.stream().map(Scenario::parse).toList();

        // Then
        assertEquals(List.of(new Scenario.Base(), new Scenario.Control(), new Scenario.PlaceFocus(),
                new Scenario.Vanish(Shape.CIRCLE), new Scenario.Bias(Profession.DOCTOR, Gender.WOMAN, 0.95),
                new Scenario.AnswerShift(QuestionType.IS_THERE_SHAPE, "yes", "no")), parsed);
    }

    private static List<TrainingExample> examples(Scenario scenario, int count, double captionFraction) {
        return new TrainingExamples(scenario, 11, Split.TRAIN, 32, captionFraction).stream(0, count).toList();
    }
}
