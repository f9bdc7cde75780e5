package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.Severity;

import java.util.Optional;

/**
 * The state a finding takes when an alert state change arrives (pure). RESOLVED always resolves.
 * An ACKNOWLEDGED finding stays ACKNOWLEDGED on a later RAISED or UPDATED alert unless the alert's
 * severity is above the stored severity — then the acknowledgement no longer covers it and the
 * finding re-opens with the alert's state. Otherwise the finding takes the alert's state.
 */
public final class FindingStates {
    private FindingStates() {
    }

    /** What is stored for a finding now: its state and severity. */
    public record Stored(FindingState state, Severity severity) {
    }

    /** The next stored state for {@code alert}, given what is stored ({@code current} empty: a new finding). */
    public static FindingState next(Optional<Stored> current, Alert alert) {
        FindingState incoming = switch (alert.state()) {
            case RAISED -> FindingState.RAISED;
            case UPDATED -> FindingState.UPDATED;
            case RESOLVED -> FindingState.RESOLVED;
        };
        if (incoming == FindingState.RESOLVED || current.isEmpty()) {
            return incoming;
        }
        Stored stored = current.get();
        boolean acknowledged = stored.state() == FindingState.ACKNOWLEDGED;
        return acknowledged && alert.severity().compareTo(stored.severity()) <= 0 ? FindingState.ACKNOWLEDGED : incoming;
    }
}
