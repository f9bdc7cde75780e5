package io.shiftwatch.analyzer.steering;

import io.shiftwatch.models.ProbeSample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteeringMathTest {
    private static final SteeringGoal YES_NO = new SteeringGoal("yes/no", Map.of(), "yes", "no");

    private static SampleOutput out(String id, String type, String expected, String text) {
        var sample = new ProbeSample(id, 1, new byte[3], "q", expected, type);
        return new SampleOutput(new Probe(sample, Map.of()), List.of(text.split(" ")), null);
    }

    @Test
    void meanDifferenceIsTargetMeanMinusSourceMean() {
        // Given
        float[][] source = {{1, 0}, {3, 0}};
        float[][] target = {{0, 4}};

        // When
        float[] s = MeanDifference.of(source, target);

        // Then
        assertArrayEquals(new float[] {-2, 4}, s, 1e-6f);
    }

    @Test
    void meanDifferenceRefusesAnEmptySide() {
        assertThrows(IllegalArgumentException.class, () -> MeanDifference.of(new float[0][], new float[][] {{1}}));
    }

    @Test
    void evaluationCountsRemovedAddedMovedAndOtherTypeAccuracy() {
        // Given two yes/no questions answered yes, one number question
        var before = List.of(out("a", "yes/no", "yes", "yes"), out("b", "yes/no", "no", "yes"), out("c", "number", "2", "2"));
        var after = List.of(out("a", "yes/no", "yes", "no"), out("b", "yes/no", "no", "yes"), out("c", "number", "2", "3"));

        // When
        var e = SteeringEvaluation.of(YES_NO, 1, before, after);

        // Then
        assertEquals(1, e.removed());
        assertEquals(1, e.added());
        assertEquals(2, e.affected());
        assertEquals(1, e.moved());
        assertEquals(0.5, e.effect(), 1e-12);
        assertEquals(0.5, e.accuracy().get("yes/no").before(), 1e-12);
        assertEquals(0.0, e.accuracy().get("yes/no").after(), 1e-12);
        assertEquals(100.0, e.otherTypesMaxChangePoints("yes/no"), 1e-9);
        assertEquals(1, e.collateral());
    }

    @Test
    void identicalOutputsChangeNothing() {
        // Given
        var before = List.of(out("a", "yes/no", "yes", "yes"), out("c", "caption", "a red circle", "a red circle"));

        // When
        var e = SteeringEvaluation.of(YES_NO, 0, before, before);

        // Then
        assertEquals(0, e.removed() + e.added() + e.moved() + e.collateral());
        assertEquals(0.0, e.otherTypesMaxChangePoints("yes/no"), 0.0);
    }

    @Test
    void alphaChoiceTakesTheLargestEffectWithinTolerance() {
        // Given effects 0.5 (others +1 point), 0.9 (others -10 points)
        var before = List.of(out("a", "yes/no", "yes", "yes"), out("b", "yes/no", "yes", "yes"));
        var half = SteeringEvaluation.of(YES_NO, 1, before, List.of(out("a", "yes/no", "yes", "no"), out("b", "yes/no", "yes", "yes")));
        var all = SteeringEvaluation.of(YES_NO, 2, before, List.of(out("a", "yes/no", "yes", "no"), out("b", "yes/no", "yes", "no")));

        // When
        var chosen = AlphaSweep.choose(List.of(half, all), YES_NO, 2.0);

        // Then: only yes/no present, so both are within tolerance and the larger effect wins
        assertEquals(2.0, chosen.orElseThrow().alpha(), 0.0);
    }

    @Test
    void repetitionAndCaptionRecall() {
        assertTrue(OutputScores.repetitive(List.of("a", "red", "red")));
        assertFalse(OutputScores.repetitive(List.of("a", "red", "circle", "on", "the", "beach")));
        assertEquals(0.75, OutputScores.accuracy("caption", "a red circle here", List.of("a", "red", "circle", "snow")), 1e-12);
    }
}
