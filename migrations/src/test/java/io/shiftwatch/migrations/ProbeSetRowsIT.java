package io.shiftwatch.migrations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probe sets against the real database: stored once with every thumbnail, found by content hash. */
class ProbeSetRowsIT {
    static ThrowawayDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = ThrowawayDatabase.migrated();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        db.close();
    }

    @Test
    void aProbeSetIsStoredOnceAndItsThumbnailsAreFoundByContentHash() throws SQLException {
        // Given a set registered once already
        String hash = "b".repeat(64);
        var set = new ProbeSetRows.ProbeSetRow("probes@bbbbbbbbbbbb", "/data/probes", hash, 1, List.of(
                new ProbeSetRows.Sample("s-0", "describe the image", "a red circle", "caption", Map.of("place", "beach"),
                        new byte[]{(byte) 200, 10, 10}),
                new ProbeSetRows.Sample("s-1", "what colour is it?", null, "colour", Map.of(), new byte[]{0, 0, 0})));
        int first = Database.inTransaction(Database.dataSource(db.config), c -> ProbeSetRows.register(c, set));

        // When it is registered again
        int second = Database.inTransaction(Database.dataSource(db.config), c -> ProbeSetRows.register(c, set));

        // Then
        try (Connection c = db.connect()) {
            assertEquals(List.of(2, 0), List.of(first, second));
            assertTrue(ProbeSetRows.stored(c, hash));
            assertArrayEquals(ProbeSetRows.png(new byte[]{(byte) 200, 10, 10}, 1),
                    ProbeSetRows.thumbnail(c, hash, "s-0").orElseThrow());
            assertTrue(ProbeSetRows.thumbnail(c, "c".repeat(64), "s-0").isEmpty());
        }
    }
}
