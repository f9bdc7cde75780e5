package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.AlertFixtures;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.Severity;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingStatesTest {
    private static final Optional<FindingStates.Stored> ACKED_WARNING =
            Optional.of(new FindingStates.Stored(FindingState.ACKNOWLEDGED, Severity.WARNING));

    @Test
    void aNewFindingTakesTheAlertState() {
        // Given
        Alert raised = AlertFixtures.alert("r", 10, Alert.State.RAISED, 10, Severity.WARNING, 1);
        // When / Then
        assertEquals(FindingState.RAISED, FindingStates.next(Optional.empty(), raised));
    }

    @Test
    void anAcknowledgedFindingStaysAcknowledgedWhenTheSeverityDoesNotRise() {
        // Given
        Alert same = AlertFixtures.alert("r", 30, Alert.State.UPDATED, 10, Severity.WARNING, 1);
        Alert lower = AlertFixtures.alert("r", 30, Alert.State.UPDATED, 10, Severity.INFO, 1);
        // When / Then
        assertEquals(FindingState.ACKNOWLEDGED, FindingStates.next(ACKED_WARNING, same));
        assertEquals(FindingState.ACKNOWLEDGED, FindingStates.next(ACKED_WARNING, lower));
    }

    @Test
    void anAcknowledgedFindingReopensWhenTheSeverityRises() {
        // Given
        Alert critical = AlertFixtures.alert("r", 30, Alert.State.UPDATED, 10, Severity.CRITICAL, 1);
        // When / Then
        assertEquals(FindingState.UPDATED, FindingStates.next(ACKED_WARNING, critical));
    }

    @Test
    void resolvedAlwaysResolves() {
        // Given
        Alert resolved = AlertFixtures.alert("r", 40, Alert.State.RESOLVED, 10, Severity.WARNING, 1);
        // When / Then
        assertEquals(FindingState.RESOLVED, FindingStates.next(ACKED_WARNING, resolved));
    }
}
