package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.Emerging;
import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.Vanishing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertLifecycleTest {
    private static Finding vanishing(long step, Severity severity) {
        return new Vanishing(step, "person", 4, 0, -1, severity, List.of("person"), List.of(), null, null);
    }

    private static AlertBook after(AlertBook book, long step, Finding... findings) {
        return AlertLifecycle.apply(book, "run-1", step, List.of(findings)).book();
    }

    @Test
    void aNewFindingRaisesAnAlert() {
        // Given an empty book
        AlertBook book = AlertBook.empty();
        // When
        var outcome = AlertLifecycle.apply(book, "run-1", 10, List.of(vanishing(10, Severity.WARNING)));
        // Then
        Alert raised = outcome.emitted().getFirst();
        assertEquals(1, outcome.emitted().size());
        assertEquals(Alert.State.RAISED, raised.state());
        assertEquals(10, raised.firstSeenStep());
        assertEquals(raised, outcome.book().active(FindingType.VANISHING).orElseThrow());
    }

    @Test
    void theSameSeverityAgainEmitsNothingButAdvancesLastSeen() {
        // Given an alert raised at step 10
        AlertBook book = after(AlertBook.empty(), 10, vanishing(10, Severity.WARNING));
        // When
        var outcome = AlertLifecycle.apply(book, "run-1", 20, List.of(vanishing(20, Severity.WARNING)));
        // Then
        assertTrue(outcome.emitted().isEmpty());
        Alert active = outcome.book().active(FindingType.VANISHING).orElseThrow();
        assertEquals(Alert.State.RAISED, active.state());
        assertEquals(10, active.firstSeenStep());
        assertEquals(20, active.lastSeenStep());
    }

    @Test
    void aSeverityChangeUpdates() {
        // Given
        AlertBook book = after(AlertBook.empty(), 10, vanishing(10, Severity.WARNING));
        // When
        var outcome = AlertLifecycle.apply(book, "run-1", 20, List.of(vanishing(20, Severity.CRITICAL)));
        // Then
        Alert updated = outcome.emitted().getFirst();
        assertEquals(Alert.State.UPDATED, updated.state());
        assertEquals(Severity.CRITICAL, updated.severity());
        assertEquals(10, updated.firstSeenStep());
        assertEquals(book.active(FindingType.VANISHING).orElseThrow().alertId(), updated.alertId());
    }

    @Test
    void aClearedFindingResolvesWithItsLastEvidence() {
        // Given active at steps 10 and 20
        AlertBook book = after(after(AlertBook.empty(), 10, vanishing(10, Severity.WARNING)), 20,
                vanishing(20, Severity.WARNING));
        // When
        var outcome = AlertLifecycle.apply(book, "run-1", 30, List.of());
        // Then
        Alert resolved = outcome.emitted().getFirst();
        assertEquals(Alert.State.RESOLVED, resolved.state());
        assertEquals(30, resolved.step());
        assertEquals(20, resolved.lastSeenStep());
        assertEquals(20, resolved.evidence().step());
        assertTrue(outcome.book().active().isEmpty());
    }

    @Test
    void aLateEventChangesNothing() {
        // Given a book at step 20 with an active alert
        AlertBook book = after(AlertBook.empty(), 20, vanishing(20, Severity.WARNING));
        // When an event of step 10 arrives without the finding
        var outcome = AlertLifecycle.apply(book, "run-1", 10, List.of());
        // Then
        assertTrue(outcome.emitted().isEmpty());
        assertEquals(book, outcome.book());
    }

    @Test
    void findingTypesLiveIndependently() {
        // Given a vanishing alert
        AlertBook book = after(AlertBook.empty(), 10, vanishing(10, Severity.INFO));
        Finding emerging = new Emerging(20, "person", 4, 0, Severity.INFO, List.of("beach"), 5);
        // When vanishing clears while another type appears
        var outcome = AlertLifecycle.apply(book, "run-1", 20, List.of(emerging));
        // Then
        assertEquals(List.of(Alert.State.RESOLVED, Alert.State.RAISED),
                outcome.emitted().stream().map(Alert::state).toList());
        assertEquals(List.of(FindingType.VANISHING, FindingType.EMERGING),
                outcome.emitted().stream().map(Alert::findingType).toList());
    }
}
