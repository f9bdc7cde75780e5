package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.CheckpointEvent;

/**
 * Analyses one checkpoint event end to end (resolve, load, extract, concepts, drift, one database
 * transaction) and says what came of it. Implementations report progress through {@code progress}
 * and never throw for a bad event (that is a {@link CheckpointOutcome.Rejected}); an exception means
 * an infrastructure failure, after which the event is re-processed.
 */
@FunctionalInterface
public interface CheckpointProcessor {
    CheckpointOutcome process(CheckpointEvent event, ProgressSink progress);

    /** Receives (stage, fraction in [0, 1]) as work on one checkpoint advances. */
    @FunctionalInterface
    interface ProgressSink {
        void report(String stage, double fraction);
    }
}
