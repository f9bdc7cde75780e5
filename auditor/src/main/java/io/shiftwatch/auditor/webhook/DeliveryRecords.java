package io.shiftwatch.auditor.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhook side of PostgreSQL: one {@code webhook_deliveries} row per attempt, and the run labels
 * routes match on. A failing database is logged (with what happens next) and does not stop delivery.
 */
final class DeliveryRecords {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecords.class);
    private final DataSource dataSource;

    DeliveryRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void attempt(String findingId, URI url, int attempt, Integer status, String outcome, String error, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO webhook_deliveries (finding_id, url, attempt, status_code, outcome, error, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, findingId);
            ps.setString(2, url.toString());
            ps.setInt(3, attempt);
            ps.setObject(4, status);
            ps.setString(5, outcome);
            ps.setString(6, error);
            ps.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("could not record webhook attempt {} ({}) of finding {} to {}: {}; delivery goes on unrecorded",
                    attempt, outcome, findingId, url, e.getMessage());
        }
    }

    /** The run's labels; empty when the run row is not there (yet) or the database fails. */
    Map<String, String> labelsOf(String runId) {
        Map<String, String> labels = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.key, l.value FROM runs r, jsonb_each_text(r.labels) l WHERE r.run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) labels.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            LOG.warn("could not read the labels of run {}: {}; only the global webhooks get its alerts", runId, e.getMessage());
        }
        return labels;
    }
}
