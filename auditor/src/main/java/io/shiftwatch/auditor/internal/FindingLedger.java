package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.migrations.AuditLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Records one alert state change in PostgreSQL inside the caller's transaction: upserts the
 * {@code findings} row (id = the alert's deterministic id, state from {@link FindingStates}),
 * appends the change to the hash-chained {@code audit_log} (action RAISED/UPDATED/RESOLVED, payload
 * = the alert and the stored state) and remembers the change in {@code finding_changes} under
 * (finding id, state, step, severity), so a re-delivered alert writes nothing.
 */
public final class FindingLedger {
    /** The audit-log actor of every change the recorder appends. */
    public static final String ACTOR = "auditor";

    private FindingLedger() {
    }

    /** What recording one alert did. */
    public sealed interface Recorded permits Appended, AlreadyRecorded {
    }

    /** Stored: the audit row appended and the state the finding now has. */
    public record Appended(long auditSeq, FindingState state) implements Recorded {
    }

    /** This change was recorded before (a re-delivery): nothing was written. */
    public record AlreadyRecorded() implements Recorded {
    }

    public static Recorded record(Connection c, Alert alert, Instant at) throws SQLException {
        if (alreadyRecorded(c, alert)) return new AlreadyRecorded();
        FindingState state = FindingStates.next(lockStored(c, alert.alertId()), alert);
        upsert(c, alert, state, at);
        String payload = "{\"alert\":" + Alerts.CODEC.writeString(alert) + ",\"storedState\":\"" + state.name() + "\"}";
        long seq = AuditLog.append(c, at, ACTOR, alert.state().name(), "finding/" + alert.alertId(), alert.runId(),
                payload).seq();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO finding_changes (finding_id, state, step, severity, audit_seq) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, alert.alertId());
            ps.setString(2, alert.state().name());
            ps.setLong(3, alert.step());
            ps.setString(4, alert.severity().name());
            ps.setLong(5, seq);
            ps.executeUpdate();
        }
        return new Appended(seq, state);
    }

    private static boolean alreadyRecorded(Connection c, Alert alert) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM finding_changes WHERE finding_id = ? AND state = ?"
                + " AND step = ? AND severity = ?")) {
            ps.setString(1, alert.alertId());
            ps.setString(2, alert.state().name());
            ps.setLong(3, alert.step());
            ps.setString(4, alert.severity().name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<FindingStates.Stored> lockStored(Connection c, String findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, severity FROM findings WHERE finding_id = ? FOR UPDATE")) {
            ps.setString(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new FindingStates.Stored(FindingState.valueOf(rs.getString(1)),
                        Severity.valueOf(rs.getString(2))));
            }
        }
    }

    private static void upsert(Connection c, Alert alert, FindingState state, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO findings (finding_id, run_id, type, severity, state, target, layer, concept,
                                      first_seen_step, last_seen_step, evidence, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (finding_id) DO UPDATE SET severity = excluded.severity, state = excluded.state,
                    first_seen_step = excluded.first_seen_step, last_seen_step = excluded.last_seen_step,
                    evidence = excluded.evidence, updated_at = excluded.updated_at""")) {
            OffsetDateTime stamp = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            ps.setString(1, alert.alertId());
            ps.setString(2, alert.runId());
            ps.setString(3, alert.findingType().name());
            ps.setString(4, alert.severity().name());
            ps.setString(5, state.name());
            ps.setString(6, alert.target());
            ps.setInt(7, alert.layer());
            ps.setInt(8, alert.concept());
            ps.setLong(9, alert.firstSeenStep());
            ps.setLong(10, alert.lastSeenStep());
            ps.setString(11, FindingJson.evidence(alert));
            ps.setObject(12, stamp);
            ps.setObject(13, stamp);
            ps.executeUpdate();
        }
    }
}
