package io.shiftwatch.migrations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditLogIT {
    private static ThrowawayDatabase db;

    @BeforeAll
    static void migrate() throws SQLException {
        db = ThrowawayDatabase.migrated();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        // Given four writers appending ten rows each at the same time
        var ds = Database.dataSource(db.config);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    int n = i;
                    Database.inTransaction(ds, c -> AuditLog.append(c, Instant.now(), "writer-" + writer, "RAISED",
                            "finding/" + writer + "-" + n, "run-a", "{\"n\":" + n + ",\"w\":" + writer + "}"));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();

        // When
        List<AuditChain.AuditRow> rows;
        try (Connection c = db.connect()) {
            rows = AuditLog.readAll(c);
        }

        // Then
        assertEquals(40, rows.size());
        assertEquals(Optional.empty(), AuditChain.firstBrokenRow(rows));
    }

    @Test
    void appendingOutsideATransactionIsRefused() throws SQLException {
        // Given an auto-commit connection
        try (Connection c = db.connect()) {
            // When
            var e = assertThrows(IllegalStateException.class,
                    () -> AuditLog.append(c, Instant.now(), "x", "RAISED", "s", null, "{}"));

            // Then
            assertEquals(true, e.getMessage().contains("needs a transaction"));
        }
    }
}
