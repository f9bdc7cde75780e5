package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.DriftEvents;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.TrendFall;
import io.shiftwatch.auditor.TrendJump;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.shiftwatch.auditor.internal.ConceptRulesTest.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendRulesTest {
    private static List<MetricPoint> tOverlaps(double... values) {
        return java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> new MetricPoint(10L * (i + 1), 0.9, values[i])).toList();
    }

    @Test
    void strictFallOverTheWindowReachesItsTier() {
        // Given T-Overlap 0.8 → 0.7 → 0.45 over the default window of 3 (drop 0.35 ≥ warning 0.3)
        var event = DriftEvents.at(30).tOverlap(0.45).build();
        // When
        TrendFall fall = TrendRules.trendFall(event, tOverlaps(0.8, 0.7, 0.45), CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.WARNING, fall.severity());
        assertEquals(0.35, fall.drop(), 1e-12);
        assertEquals(List.of(10L, 20L, 30L), fall.steps());
        assertEquals("tOverlap", fall.metric());
    }

    @Test
    void aPlateauBreaksTheFall() {
        // Given 0.8 → 0.8 → 0.4: not strictly falling
        var event = DriftEvents.at(30).tOverlap(0.4).build();
        // When
        var fall = TrendRules.trendFall(event, tOverlaps(0.8, 0.8, 0.4), CONFIG);
        // Then
        assertTrue(fall.isEmpty());
    }

    @Test
    void aSmallFallOrTooFewPointsIsNoTrend() {
        // Given
        var event = DriftEvents.at(30).build();
        // When
        var small = TrendRules.trendFall(event, tOverlaps(0.8, 0.75, 0.7), CONFIG);
        var short_ = TrendRules.trendFall(event, tOverlaps(0.8, 0.1), CONFIG);
        // Then
        assertTrue(small.isEmpty());
        assertTrue(short_.isEmpty());
    }

    @Test
    void jumpComparesTheLastTwoCheckpoints() {
        // Given 0.8 → 0.75 → 0.2: a drop of 0.55 ≥ critical 0.5
        var event = DriftEvents.at(30).tOverlap(0.2).build();
        // When
        TrendJump jump = TrendRules.trendJump(event, tOverlaps(0.8, 0.75, 0.2), CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.CRITICAL, jump.severity());
        assertEquals(20L, jump.previousStep());
        assertEquals(0.55, jump.drop(), 1e-12);
    }

    @Test
    void aRiseIsNoJump() {
        // Given
        var event = DriftEvents.at(20).tOverlap(0.9).build();
        // When
        var jump = TrendRules.trendJump(event, tOverlaps(0.3, 0.9), CONFIG);
        // Then
        assertTrue(jump.isEmpty());
    }
}
