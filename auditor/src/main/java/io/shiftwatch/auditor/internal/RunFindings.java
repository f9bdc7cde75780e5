package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.auditor.internal.GateDecision.RunFinding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's stored findings and whether the database knows the run at all. */
public final class RunFindings {
    private RunFindings() {
    }

    /** Every finding of {@code runId}, in finding-id order; evidence parsed back into the sealed Finding. */
    public static List<RunFinding> load(Connection c, String runId) throws SQLException {
        List<RunFinding> findings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT finding_id, state, evidence::text, first_seen_step,"
                + " last_seen_step FROM findings WHERE run_id = ? ORDER BY finding_id")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new RunFinding(rs.getString(1), FindingState.valueOf(rs.getString(2)),
                            FindingJson.read(rs.getString(3)), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return findings;
    }

    /** True when a runs row, a finding or an audit row names {@code runId}. */
    public static boolean known(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM runs WHERE run_id = ?)"
                + " OR EXISTS (SELECT 1 FROM findings WHERE run_id = ?) OR EXISTS (SELECT 1 FROM audit_log WHERE run_id = ?)")) {
            for (int i = 1; i <= 3; i++) ps.setString(i, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** How many audit rows name {@code runId}. */
    public static long auditRows(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
