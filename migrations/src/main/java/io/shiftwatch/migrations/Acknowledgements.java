package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Records that a person has seen a finding and why it is accepted: one {@code acknowledgements} row,
 * the finding's state set to {@code ACKNOWLEDGED}, and one {@code ACKNOWLEDGED} row in the hash-chained
 * {@link AuditLog} — all inside the caller's transaction, so either all three land or none. The one
 * entry point for the auditor's CLI and the dashboards.
 */
public final class Acknowledgements {
    /** The audit-log action of an acknowledgement. */
    public static final String ACTION = "ACKNOWLEDGED";

    private Acknowledgements() {
    }

    /** What an acknowledgement call did. */
    public sealed interface Outcome permits Acknowledged, UnknownFinding {
    }

    /** Stored: the acknowledgement's sequence number within its finding and the audit row it appended. */
    public record Acknowledged(String findingId, String runId, int seq, String who, String why, Instant at,
                               long auditSeq) implements Outcome {
    }

    /** No finding has this id: nothing was written. */
    public record UnknownFinding(String findingId) implements Outcome {
        public String message() {
            return "no finding with id " + findingId + "; nothing was acknowledged (list a run's findings with"
                    + " `./shiftwatch gate --run R`)";
        }
    }

    /**
     * Acknowledges {@code findingId} as {@code who} because {@code why} (both non-blank) at {@code at};
     * the connection must be inside a transaction ({@link Database#inTransaction}).
     */
    public static Outcome acknowledge(Connection c, String findingId, String who, String why, Instant at)
            throws SQLException {
        Objects.requireNonNull(findingId, "findingId");
        requireText(who, "who");
        requireText(why, "why");
        Instant stamp = at.truncatedTo(ChronoUnit.MICROS);
        String runId;
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM findings WHERE finding_id = ? FOR UPDATE")) {
            ps.setString(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new UnknownFinding(findingId);
                runId = rs.getString(1);
            }
        }
        int seq = nextSeq(c, findingId);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO acknowledgements (finding_id, seq, who, why, at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, findingId);
            ps.setInt(2, seq);
            ps.setString(3, who.strip());
            ps.setString(4, why.strip());
            ps.setObject(5, OffsetDateTime.ofInstant(stamp, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE findings SET state = 'ACKNOWLEDGED', updated_at = ? WHERE finding_id = ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(stamp, ZoneOffset.UTC));
            ps.setString(2, findingId);
            ps.executeUpdate();
        }
        String payload = "{\"finding\":" + jsonString(findingId) + ",\"seq\":" + seq
                + ",\"who\":" + jsonString(who.strip()) + ",\"why\":" + jsonString(why.strip()) + "}";
        var row = AuditLog.append(c, stamp, who.strip(), ACTION, "finding/" + findingId, runId, payload);
        return new Acknowledged(findingId, runId, seq, who.strip(), why.strip(), stamp, row.seq());
    }

    private static int nextSeq(Connection c, String findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(seq) + 1, 0) FROM acknowledgements WHERE finding_id = ?")) {
            ps.setString(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException(name + " must be a non-blank text; nothing was acknowledged");
    }

    /** A JSON string literal (quotes, backslashes and control characters escaped). */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
