package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.internal.ConceptViews.Bound;
import io.shiftwatch.dashboards.internal.NullBounds.Shown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NullBoundsTest {
    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        // Given 0, 10, 20, 30, 40: the 5 % quantile sits at position 0.2 -> 2.0 (hand-computed)
        double[] sorted = {0, 10, 20, 30, 40};

        // When / Then
        assertEquals(2.0, NullBounds.quantile(sorted, 0.05), 1e-12);
        assertEquals(40.0, NullBounds.quantile(sorted, 1.0), 1e-12);
        assertEquals(20.0, NullBounds.quantile(sorted, 0.5), 1e-12);
    }

    @Test
    void anEmptyNullDistributionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NullBounds.quantile(new double[0], 0.5));
    }

    @Test
    void aLowTailMetricBelowItsBoundIsOutsideAndAHighTailOneAboveIsOutside() {
        // Given
        double[] nulls = {0.7, 0.8, 0.9, 1.0};
        Map<String, double[]> distributions = Map.of("t_overlap", nulls, "shift_magnitude", new double[]{0.1, 0.2, 0.3});

        // When
        List<Bound> bounds = NullBounds.bounds(distributions, Map.of(Shown.T_OVERLAP, 0.5, Shown.SHIFT_MAGNITUDE, 0.25));

        // Then
        assertTrue(bounds.get(0).outside());
        assertEquals(Boolean.FALSE, bounds.get(3).outside());
        assertNull(bounds.get(1).bound(), "match_cosine has no null distribution here");
    }

    @Test
    void aDegenerateNullGivesNoBoundAndSaysWhy() {
        // Given shift magnitudes of the base model against itself: all exactly zero
        Map<String, double[]> distributions = Map.of("shift_magnitude", new double[]{0, 0, 0, 0});

        // When
        Bound magnitude = NullBounds.bounds(distributions, Map.of(Shown.SHIFT_MAGNITUDE, 0.4)).get(3);

        // Then
        assertNull(magnitude.bound());
        assertNull(magnitude.outside(), "a value is not 'outside' a null without spread");
        assertTrue(magnitude.note().contains("degenerate"), magnitude.note());
    }
}
