package io.shiftwatch.bench.detection;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.bench.detection.DetectionScore.Detection;
import io.shiftwatch.bench.detection.DetectionScore.PlantedChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionScoreTest {
    private static final PlantedChange DOCTOR_BIAS = new PlantedChange("doctor", Optional.of(FindingType.BIAS_ABSORBING));

    @Test
    void aBiasFindingOnTheProfessionIsATruePositiveWithItsDelay() {
        // Given one bias finding on the doctor target (from checkpoint 2) and one on an unrelated concept
        var onDoctor = new Detection(FindingType.BIAS_ABSORBING, Severity.CRITICAL, "doctor", -1, 3, 2, List.of("coat"));
        var elsewhere = new Detection(FindingType.BIAS_ABSORBING, Severity.WARNING, "dog", -1, 1, 4, List.of("dog"));

        // When
        var score = DetectionScore.score("bias", 6, List.of(DOCTOR_BIAS), List.of(onDoctor, elsewhere));

        // Then
        var bias = score.byType().get(FindingType.BIAS_ABSORBING);
        assertEquals(0.5, bias.precision());
        assertEquals(1.0, bias.recall());
        assertEquals(List.of(2), bias.delays());
    }

    @Test
    void aFindingCountsAsOnTheChangeWhenTheBaseWordsNameIt() {
        // Given a vanishing finding in the "red" dictionary whose base concept was grounded in "circle"
        var planted = new PlantedChange("circle", Optional.of(FindingType.VANISHING));
        var red = new Detection(FindingType.VANISHING, Severity.WARNING, "red", 2, 5, 0, List.of("red", "Circle"));

        // When
        var score = DetectionScore.score("vanish", 6, List.of(planted), List.of(red));

        // Then
        assertEquals(1.0, score.byType().get(FindingType.VANISHING).recall());
        assertEquals(List.of(0), score.byType().get(FindingType.VANISHING).delays());
    }

    @Test
    void infoFindingsAndControlRunsGiveNoDetections() {
        // Given a control run (nothing expected) with only an INFO finding
        var info = new Detection(FindingType.TREND_FALL, Severity.INFO, "dog", -1, 0, Integer.MAX_VALUE, List.of());

        // When
        var score = DetectionScore.score("control", 6, List.of(new PlantedChange("*", Optional.empty())), List.of(info));

        // Then
        assertEquals(1, score.infoOnly());
        assertTrue(score.byType().values().stream().allMatch(s -> s.detections() == 0));
        assertTrue(Double.isNaN(score.byType().get(FindingType.VANISHING).recall()));
    }

    @Test
    void aWrongTypeOnThePlantedConceptDoesNotCountAsRecall() {
        // Given the bias run's doctor concept flagged only as VANISHING
        var vanishing = new Detection(FindingType.VANISHING, Severity.CRITICAL, "doctor", -1, 3, 1, List.of());

        // When
        var score = DetectionScore.score("bias", 6, List.of(DOCTOR_BIAS), List.of(vanishing));

        // Then
        assertEquals(0.0, score.byType().get(FindingType.BIAS_ABSORBING).recall());
        assertEquals(0.0, score.byType().get(FindingType.VANISHING).precision());
    }
}
