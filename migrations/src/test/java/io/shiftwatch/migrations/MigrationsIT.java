package io.shiftwatch.migrations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsIT {
    private static ThrowawayDatabase db;
    private static Migrator.Outcome first;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws SQLException {
        db = new ThrowawayDatabase();
        first = Migrator.migrate(db.config);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndARerunAppliesNothing() {
        // Given the database migrated once in @BeforeAll

        // When
        Migrator.Outcome second = Migrator.migrate(db.config);

        // Then
        assertEquals(List.of("1", "2", "3"), first.applied());
        assertEquals(List.of(), second.applied());
        assertEquals("3", second.currentVersion());
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() throws SQLException {
        // Given one chained audit row
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        String hash = AuditChain.rowHash(1, at, "it", "RAISED", "finding/x", "{\"a\":1}", AuditChain.GENESIS);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (seq, at, actor, action, subject, payload, prev_hash, row_hash) VALUES (1, ?, 'it', 'RAISED', 'finding/x', ?::jsonb, ?, ?)")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
            ps.setString(2, "{\"a\":1}");
            ps.setString(3, AuditChain.GENESIS);
            ps.setString(4, hash);
            ps.executeUpdate();
        }

        // When
        SQLException update = assertThrows(SQLException.class, () -> execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"));
        SQLException delete = assertThrows(SQLException.class, () -> execute("DELETE FROM audit_log WHERE seq = 1"));
        SQLException truncate = assertThrows(SQLException.class, () -> execute("TRUNCATE audit_log"));

        // Then the refusals name the table, and the row as read back still verifies
        assertTrue(update.getMessage().contains("audit_log is append-only"), update.getMessage());
        assertTrue(delete.getMessage().contains("DELETE"), delete.getMessage());
        assertTrue(truncate.getMessage().contains("TRUNCATE"), truncate.getMessage());
        assertEquals(Optional.empty(), AuditChain.firstBrokenRow(readAuditLog()));
    }

    @Test
    void checkConstraintsRejectOutOfRangeMetrics() throws SQLException {
        // Given a run, a checkpoint and an analysis to hang a match on
        String event = "a".repeat(64);
        String analysis = "b".repeat(64);
        execute("INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format) VALUES ('r-check', 'm', '/m', 'testbed')");
        execute("INSERT INTO checkpoints (event_id, run_id, step, uri, format, emitted_at) VALUES ('" + event + "', 'r-check', 1, '/c', 'testbed', now())");
        execute("INSERT INTO analyses (analysis_id, checkpoint_id, run_id, step, config_hash, config, base_model_hash, checkpoint_hash,"
                + " probe_set_hash, software_version, started_at, finished_at) VALUES ('" + analysis + "', '" + event
                + "', 'r-check', 1, 'cfg', '{}', 'h', 'h', 'h', '0.1', now(), now())");

        // When
        SQLException e = assertThrows(SQLException.class, () -> execute(
                "INSERT INTO concept_matches (analysis_id, target, layer, base_concept, matched_concept, cosine, t_overlap, image_overlap)"
                        + " VALUES ('" + analysis + "', 'dog', 4, 0, 1, 0.9, 1.5, 0.2)"));

        // Then
        assertEquals("23514", e.getSQLState(), e.getMessage());
    }

    @Test
    void aRedeliveredCheckpointEventLeavesOneRow() throws SQLException {
        // Given
        execute("INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format) VALUES ('r-dup', 'm', '/m', 'testbed')");
        String insert = "INSERT INTO checkpoints (event_id, run_id, step, uri, format, emitted_at) VALUES ('" + "c".repeat(64)
                + "', 'r-dup', 10, '/c', 'testbed', now()) ON CONFLICT (event_id) DO NOTHING";

        // When
        execute(insert);
        execute(insert);

        // Then
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM checkpoints WHERE run_id = 'r-dup'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<AuditChain.AuditRow> readAuditLog() throws SQLException {
        List<AuditChain.AuditRow> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, subject, payload::text, prev_hash, row_hash FROM audit_log ORDER BY seq")) {
            while (rs.next())
                rows.add(new AuditChain.AuditRow(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        }
        return rows;
    }
}
