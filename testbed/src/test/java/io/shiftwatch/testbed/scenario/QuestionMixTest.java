package io.shiftwatch.testbed.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.testbed.world.QuestionType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionMixTest {
    @Test
    void aWeightedMixOversamplesCountingAndColourQuestionsInTheStream() {
        // Given: weights 3 and 2 (draws of inapplicable types are redrawn, so shares are not exactly 3/13, 2/13)
        var uniform = new TrainingExamples(new Scenario.Base(), 5, Split.TRAIN, 32, 0.0);
        var weighted = new TrainingExamples(new Scenario.Base(), 5, Split.TRAIN, 32, 0.0,
                QuestionMix.parse("how_many=3,what_colour=2"));

        // When
        double uniformNumbers = share(uniform, "number"), weightedNumbers = share(weighted, "number");
        double uniformColours = share(uniform, "colour"), weightedColours = share(weighted, "colour");

        // Then
        assertTrue(weightedNumbers > 1.8 * uniformNumbers, uniformNumbers + " -> " + weightedNumbers);
        assertTrue(weightedColours > 1.4 * uniformColours, uniformColours + " -> " + weightedColours);
    }

    @Test
    void theUniformMixKeepsTheExamplesStreamsAlwaysHad() {
        // Given
        var implicit = new TrainingExamples(new Scenario.Base(), 8, Split.TRAIN, 32, 0.3);
        var explicit = new TrainingExamples(new Scenario.Base(), 8, Split.TRAIN, 32, 0.3, QuestionMix.parse("uniform"));

        // When / Then
        for (long i = 0; i < 200; i++) assertEquals(implicit.get(i).prompt() + "|" + implicit.get(i).answer(),
                explicit.get(i).prompt() + "|" + explicit.get(i).answer(), "example " + i);
    }

    @Test
    void theTextFormRoundTripsAndBadEntriesAreNamed() {
        // Given
        var mix = QuestionMix.of(Map.of(QuestionType.HOW_MANY, 3.0));

        // When
        var parsed = QuestionMix.parse(mix.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> QuestionMix.parse("how_many=3,counting=2"));

        // Then
        assertEquals(mix, parsed);
        assertTrue(e.getMessage().contains("counting"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuestionMix.parse("how_many=0"));
    }

    private static double share(TrainingExamples examples, String answerType) {
        int n = 4000, hits = 0;
        for (long i = 0; i < n; i++) if (examples.get(i).answerType().equals(answerType)) hits++;
        return hits / (double) n;
    }
}
