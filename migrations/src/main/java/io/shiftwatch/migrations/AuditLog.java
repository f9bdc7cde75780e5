package io.shiftwatch.migrations;

import io.shiftwatch.migrations.AuditChain.AuditRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to and reads the append-only {@code audit_log} so that concurrent writers keep ONE linear
 * {@link AuditChain}: {@link #append} takes an exclusive lock on the table (readers are not blocked)
 * until the caller's transaction ends, links the new row to the newest one and stores its hash.
 */
public final class AuditLog {
    private AuditLog() {
    }

    /**
     * Appends one row inside the caller's transaction (auto-commit must be off, e.g. within
     * {@link Database#inTransaction}); {@code at} is stored at microsecond precision. Returns the row.
     */
    public static AuditRow append(Connection c, Instant at, String actor, String action, String subject, String runId,
                                  String payloadJson) throws SQLException {
        if (c.getAutoCommit())
            throw new IllegalStateException("AuditLog.append needs a transaction (call it inside Database.inTransaction);"
                    + " nothing was written");
        Instant stamp = at.truncatedTo(ChronoUnit.MICROS);
        long seq = 1;
        String prev = AuditChain.GENESIS;
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE audit_log IN EXCLUSIVE MODE");
            try (ResultSet rs = s.executeQuery("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
        }
        String hash = AuditChain.rowHash(seq, stamp, actor, action, subject, payloadJson, prev);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, action, subject, run_id,"
                + " payload, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(stamp, ZoneOffset.UTC));
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, subject);
            ps.setString(6, runId);
            ps.setString(7, payloadJson);
            ps.setString(8, prev);
            ps.setString(9, hash);
            ps.executeUpdate();
        }
        return new AuditRow(seq, stamp, actor, action, subject, payloadJson, prev, hash);
    }

    /** Every row in seq order, payload as stored (feed to {@link AuditChain#firstBrokenRow}). */
    public static List<AuditRow> readAll(Connection c) throws SQLException {
        List<AuditRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, at, actor, action, subject, payload::text, prev_hash, row_hash FROM audit_log ORDER BY seq")) {
            while (rs.next())
                rows.add(new AuditRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        }
        return rows;
    }
}
