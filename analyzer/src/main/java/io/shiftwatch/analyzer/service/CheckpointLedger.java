package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.CheckpointEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiftwatch.migrations.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The run and checkpoint rows of the analyzer's work, written idempotently (a re-delivered event
 * changes nothing): the run is created on its first checkpoint, the checkpoint row is keyed by the
 * event id, and its status moves RECEIVED → ANALYSING → ANALYSED or FAILED (with the reason).
 * Prepared statements only.
 */
public final class CheckpointLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource dataSource;

    public CheckpointLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the run (if new) and the checkpoint (if new); returns the checkpoint's current status. */
    public String receive(CheckpointEvent event) throws SQLException {
        return Database.inTransaction(dataSource, c -> {
            try (PreparedStatement run = c.prepareStatement("""
                    INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format, labels)
                    VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (run_id) DO NOTHING""")) {
                run.setString(1, event.runId());
                run.setString(2, event.baseModel().id());
                run.setString(3, event.baseModel().uri());
                run.setString(4, event.baseModel().format().wireName());
                run.setString(5, labelsJson(event));
                run.executeUpdate();
            }
            try (PreparedStatement cp = c.prepareStatement("""
                    INSERT INTO checkpoints (event_id, run_id, step, uri, format, sha256, emitted_at, trainer)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""")) {
                cp.setString(1, event.eventId());
                cp.setString(2, event.runId());
                cp.setLong(3, event.step());
                cp.setString(4, event.checkpoint().uri());
                cp.setString(5, event.checkpoint().format().wireName());
                cp.setString(6, event.checkpoint().sha256());
                cp.setObject(7, OffsetDateTime.ofInstant(event.emittedAt(), ZoneOffset.UTC));
                cp.setString(8, trainerJson(event));
                cp.executeUpdate();
            }
            return status(c, event.eventId()).orElseThrow();
        });
    }

    /** Moves the checkpoint to {@code status} (ANALYSING or ANALYSED); clears any earlier failure reason. */
    public void mark(String eventId, String status) throws SQLException {
        Database.inTransaction(dataSource, c -> update(c, eventId, status, null));
    }

    /** Marks the checkpoint FAILED with a reason a person can act on. */
    public void fail(String eventId, String reason) throws SQLException {
        Database.inTransaction(dataSource, c -> update(c, eventId, "FAILED", reason));
    }

    /** Within an open transaction (the analysis writer's), so status and results commit together. */
    public static int update(Connection c, String eventId, String status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE checkpoints SET status = ?, failure_reason = ? WHERE event_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, eventId);
            return ps.executeUpdate();
        }
    }

    /** Latest progress of the work on a checkpoint, for dashboards (upsert; outside the analysis transaction). */
    public void progress(String eventId, String stage, double fraction) throws SQLException {
        Database.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO analysis_progress (checkpoint_id, stage, fraction, updated_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (checkpoint_id) DO UPDATE SET stage = EXCLUDED.stage, fraction = EXCLUDED.fraction,
                    updated_at = EXCLUDED.updated_at""")) {
                ps.setString(1, eventId);
                ps.setString(2, stage);
                ps.setDouble(3, Math.max(0, Math.min(1, fraction)));
                return ps.executeUpdate();
            }
        });
    }

    /** True when the analysis with this id is committed (a re-delivery then writes nothing). */
    public boolean analysed(String analysisId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM analyses WHERE analysis_id = ?")) {
            ps.setString(1, analysisId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<String> status(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM checkpoints WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String labelsJson(CheckpointEvent event) {
        var labels = event.trainer() == null ? java.util.Map.<String, String>of() : event.trainer().labels();
        return JSON.valueToTree(labels).toString();
    }

    private static String trainerJson(CheckpointEvent event) {
        return event.trainer() == null ? "{}" : JSON.valueToTree(event.trainer()).toString();
    }
}
