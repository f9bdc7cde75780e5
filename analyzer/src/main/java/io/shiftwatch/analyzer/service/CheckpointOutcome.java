package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.AnalysisSummary;
import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.List;

/**
 * What processing one checkpoint event came to. {@link Analysed}: results written to the database,
 * drift events and the summary to publish; {@link AlreadyAnalysed}: a re-delivery of work already
 * committed (nothing is written again); {@link Rejected}: the event cannot be analysed — it goes to
 * the dead-letter topic with the reason, and the checkpoint is marked FAILED.
 */
public sealed interface CheckpointOutcome {
    record Analysed(AnalysisSummary summary, List<ConceptDriftEvent> drift) implements CheckpointOutcome {
        public Analysed {
            drift = List.copyOf(drift);
        }
    }

    record AlreadyAnalysed(String analysisId) implements CheckpointOutcome {
    }

    record Rejected(CheckpointResolver.Unresolvable problem) implements CheckpointOutcome {
    }
}
