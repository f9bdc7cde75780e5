package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.FindingType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert lifecycle as a pure function: one concept's {@link AlertBook} and the findings of
 * its latest event give the alert records to emit and the next book. Per finding type: a finding
 * without an active alert RAISES one; a finding with another severity than the active alert
 * UPDATES it; the same severity emits nothing (lastSeenStep and evidence advance silently); no
 * finding while an alert is active RESOLVES it. Events older than the book's latest step are late
 * and change nothing.
 */
public final class AlertLifecycle {
    private AlertLifecycle() {
    }

    /** What to emit and what to keep. */
    public record Outcome(List<Alert> emitted, AlertBook book) {
    }

    public static Outcome apply(AlertBook book, String runId, long step, List<Finding> findings) {
        if (step < book.latestStep()) {
            return new Outcome(List.of(), book);
        }
        List<Alert> emitted = new ArrayList<>();
        List<Alert> active = new ArrayList<>();
        for (FindingType type : FindingType.values()) {
            Optional<Alert> current = book.active(type);
            Optional<Finding> finding = findings.stream().filter(f -> f.type() == type).findFirst();
            if (current.isEmpty() && finding.isPresent()) {
                Alert raised = Alert.of(runId, step, Alert.State.RAISED, step, step, finding.get());
                emitted.add(raised);
                active.add(raised);
            } else if (current.isPresent() && finding.isPresent()) {
                Alert was = current.get();
                boolean changed = was.severity() != finding.get().severity();
                Alert next = Alert.of(runId, step, changed ? Alert.State.UPDATED : was.state(), was.firstSeenStep(),
                        step, finding.get());
                if (changed) {
                    emitted.add(next);
                }
                active.add(next);
            } else if (current.isPresent()) {
                Alert was = current.get();
                emitted.add(Alert.of(runId, step, Alert.State.RESOLVED, was.firstSeenStep(), was.lastSeenStep(),
                        was.evidence()));
            }
        }
        return new Outcome(List.copyOf(emitted), new AlertBook(AlertBook.SCHEMA_VERSION, step, active));
    }
}
