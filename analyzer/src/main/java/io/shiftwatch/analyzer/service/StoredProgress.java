package io.shiftwatch.analyzer.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Passes progress on (to Kafka, for live pages) and also keeps the latest stage and fraction of the checkpoint in
 * {@code analysis_progress}, so a page opened mid-analysis shows it: written when the stage changes, at the end of a
 * stage, and otherwise at most once per {@code interval}. A failed write costs only the progress row: it is logged
 * and the analysis goes on.
 */
final class StoredProgress implements CheckpointProcessor.ProgressSink {
    private static final Logger LOG = LoggerFactory.getLogger(StoredProgress.class);

    private final CheckpointLedger ledger;
    private final String eventId;
    private final CheckpointProcessor.ProgressSink next;
    private final Clock clock;
    private final Duration interval;
    private String lastStage;
    private Instant lastWrite = Instant.MIN;

    StoredProgress(CheckpointLedger ledger, String eventId, CheckpointProcessor.ProgressSink next, Clock clock, Duration interval) {
        this.ledger = ledger;
        this.eventId = eventId;
        this.next = next;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void report(String stage, double fraction) {
        next.report(stage, fraction);
        Instant now = clock.instant();
        if (stage.equals(lastStage) && fraction < 1 && now.isBefore(lastWrite.plus(interval))) return;
        lastStage = stage;
        lastWrite = now;
        store(stage, fraction);
    }

    /** Stores a final stage ("done") regardless of the interval. */
    void finish(String stage) {
        store(stage, 1);
    }

    private void store(String stage, double fraction) {
        try {
            ledger.progress(eventId, stage, fraction);
        } catch (SQLException e) {
            LOG.atWarn().addKeyValue("checkpoint", eventId).addKeyValue("stage", stage)
                    .log("progress not stored ({}); the analysis goes on", e.getMessage());
        }
    }
}
