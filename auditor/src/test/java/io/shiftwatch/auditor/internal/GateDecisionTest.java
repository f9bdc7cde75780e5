package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AlertFixtures;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.internal.GateDecision.RunFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateDecisionTest {
    private static RunFinding finding(String id, FindingState state, Severity severity, long step) {
        return new RunFinding(id, state, AlertFixtures.vanishing(step, severity, 1), 10, step);
    }

    @Test
    void anOpenFindingAtTheThresholdFailsAndIsNamedWithItsWordsAndBounds() {
        // Given
        List<RunFinding> findings = List.of(finding("a", FindingState.RAISED, Severity.WARNING, 20),
                finding("b", FindingState.UPDATED, Severity.CRITICAL, 30), finding("c", FindingState.RAISED, Severity.INFO, 30));
        // When
        GateDecision decision = GateDecision.decide("run-1", findings, Severity.WARNING);
        // Then
        assertEquals(1, decision.exitCode());
        assertEquals(List.of("b", "a"), decision.blocking().stream().map(RunFinding::id).toList());
        String summary = decision.summary();
        assertTrue(summary.contains("FAIL — 2 open finding(s) at or above warning"), summary);
        assertTrue(summary.contains("[person, man, face] -> [grass, field]"), summary);
        assertTrue(summary.contains("tOverlap 0.000 < 0.050"), summary);
        assertTrue(summary.contains("cosine 0.120 (null q 0.0005 < 0.0010)"), summary);
    }

    @Test
    void acknowledgedAndResolvedFindingsDoNotBlock() {
        // Given
        List<RunFinding> findings = List.of(finding("a", FindingState.ACKNOWLEDGED, Severity.CRITICAL, 20),
                finding("b", FindingState.RESOLVED, Severity.CRITICAL, 30));
        // When
        GateDecision decision = GateDecision.decide("run-1", findings, Severity.INFO);
        // Then
        assertEquals(0, decision.exitCode());
        assertTrue(decision.summary().contains("PASS"), decision.summary());
    }

    @Test
    void findingsBelowTheThresholdPass() {
        // Given
        List<RunFinding> findings = List.of(finding("a", FindingState.RAISED, Severity.WARNING, 20));
        // When
        GateDecision decision = GateDecision.decide("run-1", findings, Severity.CRITICAL);
        // Then
        assertEquals(0, decision.exitCode());
        assertTrue(decision.summary().contains("open findings below the threshold"), decision.summary());
    }
}
