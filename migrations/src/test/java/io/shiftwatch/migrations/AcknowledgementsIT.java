package io.shiftwatch.migrations;

import io.shiftwatch.migrations.Acknowledgements.Acknowledged;
import io.shiftwatch.migrations.Acknowledgements.UnknownFinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AcknowledgementsIT {
    private static final String FINDING = "a".repeat(64);
    private static ThrowawayDatabase db;

    @BeforeAll
    static void migrateAndRaiseOneFinding() throws SQLException {
        db = ThrowawayDatabase.migrated();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format)"
                    + " VALUES ('run-ack', 'base', 'file:///base', 'testbed')");
            s.execute("INSERT INTO findings (finding_id, run_id, type, severity, state, target, layer, concept,"
                    + " first_seen_step, last_seen_step, evidence) VALUES ('" + FINDING + "', 'run-ack', 'VANISHING',"
                    + " 'CRITICAL', 'RAISED', 'circle', 2, 7, 100, 200, '{}')");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void acknowledgingStoresWhoAndWhySetsTheStateAndExtendsTheChain() throws SQLException {
        // Given a raised finding
        var ds = Database.dataSource(db.config);

        // When it is acknowledged twice
        var first = Database.inTransaction(ds, c -> Acknowledgements.acknowledge(c, FINDING, "ana", "expected: "
                + "the run removes \"circle\" on purpose", Instant.parse("2026-11-30T10:00:00Z")));
        var second = Database.inTransaction(ds, c -> Acknowledgements.acknowledge(c, FINDING, "bo", "seen",
                Instant.parse("2026-11-30T11:00:00Z")));

        // Then
        assertEquals(0, assertInstanceOf(Acknowledged.class, first).seq());
        assertEquals(1, assertInstanceOf(Acknowledged.class, second).seq());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals(List.of("ACKNOWLEDGED"), strings(s, "SELECT state FROM findings"));
            assertEquals(List.of("ana", "bo"), strings(s, "SELECT who FROM acknowledgements ORDER BY seq"));
            assertEquals(List.of("run-ack"), strings(s, "SELECT DISTINCT run_id FROM audit_log WHERE action = 'ACKNOWLEDGED'"));
            assertEquals(Optional.empty(), AuditChain.firstBrokenRow(AuditLog.readAll(c)));
        }
    }

    @Test
    void anUnknownFindingIsRefusedAndNothingIsWritten() throws SQLException {
        // Given
        var ds = Database.dataSource(db.config);
        long rowsBefore = count("SELECT count(*) FROM audit_log");

        // When
        var outcome = Database.inTransaction(ds, c -> Acknowledgements.acknowledge(c, "b".repeat(64), "ana", "x",
                Instant.now()));

        // Then
        assertInstanceOf(UnknownFinding.class, outcome);
        assertEquals(rowsBefore, count("SELECT count(*) FROM audit_log"));
    }

    @Test
    void aBlankReasonIsRefused() {
        // Given
        var ds = Database.dataSource(db.config);

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> Database.inTransaction(ds,
                c -> Acknowledgements.acknowledge(c, FINDING, "ana", "  ", Instant.now())));

        // Then
        assertEquals("why must be a non-blank text; nothing was acknowledged", e.getMessage());
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            var out = new java.util.ArrayList<String>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
