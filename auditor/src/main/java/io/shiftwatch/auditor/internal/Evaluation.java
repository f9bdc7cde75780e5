package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One drift event on its way through the rule processors: the event, the concept's metric
 * history up to the event's step (ascending; empty for emergent or unmatched concepts) and the
 * findings so far. Lives only between processors of one sub-topology, never serialised.
 */
public record Evaluation(ConceptDriftEvent event, List<MetricPoint> history, List<Finding> findings) {
    public Evaluation {
        history = List.copyOf(history);
        findings = List.copyOf(findings);
    }

    /** Whether a finding of {@code type} was made so far. */
    public boolean has(FindingType type) {
        return findings.stream().anyMatch(f -> f.type() == type);
    }

    /** This evaluation plus {@code finding} when present. */
    public Evaluation with(Optional<? extends Finding> finding) {
        if (finding.isEmpty()) {
            return this;
        }
        List<Finding> next = new ArrayList<>(findings);
        next.add(finding.get());
        return new Evaluation(event, history, next);
    }
}
