package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NullCalibrationTest {

    @Test
    void nullDistributionQuantilesByHand() {
        // Given null samples 0.5, 0.2, 0.1, 0.2 (sorted 0.1, 0.2, 0.2, 0.5)
        NullDistribution d = new NullDistribution(DriftMetric.T_OVERLAP, new double[] {0.5, 0.2, 0.1, 0.2});

        // When
        double atTie = d.quantileOf(0.2);

        // Then ties count on both sides: 3/4 at or below 0.2, 3/4 at or above; inverse CDF type 1
        assertEquals(0.75, atTie);
        assertEquals(0.75, d.upperTailP(0.2));
        assertEquals(0.0, d.quantileOf(0.05));
        assertEquals(1.0, d.quantileOf(0.5));
        assertEquals(0.1, d.valueAt(0));
        assertEquals(0.2, d.valueAt(0.5));
        assertEquals(0.5, d.valueAt(0.76));
        assertTrue(d.contains(0.3));
        assertFalse(d.contains(0.6));
    }

    @Test
    void sameSeedGivesTheSameNull() {
        // Given
        LayerStates base = DriftAnalysisTest.states(DriftAnalysisTest.BASE);
        var vocab = DriftAnalysisTest.VOCAB;

        // When
        NullCalibration first = NullCalibration.build(base, DriftAnalysisTest.CONFIG, 5, 2, vocab.unembedding(), vocab.tokens());
        NullCalibration second = NullCalibration.build(base, DriftAnalysisTest.CONFIG, 5, 2, vocab.unembedding(), vocab.tokens());

        // Then
        assertEquals(first.distributions().keySet(), second.distributions().keySet());
        for (Map.Entry<DriftMetric, NullDistribution> e : first.distributions().entrySet()) {
            assertArrayEquals(e.getValue().samples(), second.distributions().get(e.getKey()).samples(), e.getKey().name());
        }
    }

    @Test
    void checkpointEqualToBaseLiesInsideEveryNull() {
        // Given
        LayerStates base = DriftAnalysisTest.states(DriftAnalysisTest.BASE);
        var vocab = DriftAnalysisTest.VOCAB;
        NullCalibration calibration = NullCalibration.build(base, DriftAnalysisTest.CONFIG, 9, 3, vocab.unembedding(),
                vocab.tokens());

        // When
        DriftReport report = DriftAnalysis.compare(base, base, DriftAnalysisTest.CONFIG, vocab.unembedding(), vocab.tokens());

        // Then
        assertEquals(DriftMetric.values().length, calibration.distributions().size());
        for (DriftMetric metric : DriftMetric.values()) {
            NullDistribution d = calibration.distributions().get(metric);
            for (double v : metric.valuesIn(report)) {
                assertTrue(d.contains(v), metric + " value " + v + " outside null [" + d.valueAt(0) + ", " + d.valueAt(1) + "]");
            }
        }
    }

    @Test
    void theShiftNullIsDegenerateAndTheMatchingNullsAreNot() {
        // Given
        LayerStates base = DriftAnalysisTest.states(DriftAnalysisTest.BASE);
        var vocab = DriftAnalysisTest.VOCAB;

        // When
        NullCalibration calibration = NullCalibration.build(base, DriftAnalysisTest.CONFIG, 9, 3, vocab.unembedding(),
                vocab.tokens());

        // Then the base against itself shifts by exactly zero, while re-seeding moves the matching metrics
        assertTrue(calibration.distributions().get(DriftMetric.SHIFT_MAGNITUDE).degenerate());
        assertFalse(calibration.distributions().get(DriftMetric.MATCH_COSINE).degenerate());
        assertTrue(new NullDistribution(DriftMetric.T_OVERLAP, new double[] {0.4, 0.4}).degenerate());
    }

    @Test
    void aControlFineTuneGivesTheShiftMetricsARealNull() {
        // Given a reference checkpoint: the base states, each moved a little (training noise, nothing planted)
        float[][] moved = new float[DriftAnalysisTest.BASE.length][];
        java.util.SplittableRandom noise = new java.util.SplittableRandom(5);
        for (int i = 0; i < moved.length; i++) {
            moved[i] = DriftAnalysisTest.BASE[i].clone();
            for (int d = 0; d < moved[i].length; d++) moved[i][d] += (float) (0.05 * noise.nextGaussian());
        }
        var reference = new NullCalibration.Reference(DriftAnalysisTest.states(DriftAnalysisTest.BASE), DriftAnalysisTest.states(moved));
        var vocab = DriftAnalysisTest.VOCAB;

        // When
        NullCalibration calibration = NullCalibration.fromReferences("person", 31, java.util.List.of(reference),
                DriftAnalysisTest.CONFIG, 9, 3, vocab.unembedding(), vocab.tokens()).orElseThrow();

        // Then the null of the shift magnitude has spread and lies above zero; the matching metrics have a null too
        NullDistribution magnitude = calibration.distributions().get(DriftMetric.SHIFT_MAGNITUDE);
        assertFalse(magnitude.degenerate());
        assertTrue(magnitude.valueAt(0) > 0, "every reference shift is non-zero");
        assertTrue(calibration.distributions().containsKey(DriftMetric.MATCH_COSINE));
    }

    @Test
    void aReferenceWithTooFewSamplesGivesNoNull() {
        // Given a reference that pairs on fewer than 2K samples (K = 3)
        float[][] few = java.util.Arrays.copyOf(DriftAnalysisTest.BASE, 5);
        var reference = new NullCalibration.Reference(DriftAnalysisTest.states(few), DriftAnalysisTest.states(few));
        var vocab = DriftAnalysisTest.VOCAB;

        // When
        var calibration = NullCalibration.fromReferences("person", 31, java.util.List.of(reference),
                DriftAnalysisTest.CONFIG, 9, 3, vocab.unembedding(), vocab.tokens());

        // Then the caller falls back to the base against itself
        assertTrue(calibration.isEmpty());
    }
}
