package io.shiftwatch.migrations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchDatabaseIT {
    private final DatabaseConfig server = DatabaseConfig.resolve(List.of(), System.getenv());

    @Test
    void closeDropsTheDatabaseEvenWhileOneOfOurSessionsIsStillOpen() throws Exception {
        // Given a scratch database with a session nobody closed (a leaked pool connection)
        ScratchDatabase scratch = ScratchDatabase.create(server, "sw_it_scratch");
        Connection leaked = scratch.connect();
        assertTrue(exists(scratch.name()));
        // When
        scratch.close();
        // Then the database is gone and the leaked session was ended
        assertFalse(exists(scratch.name()));
        assertFalse(leaked.isValid(2));
    }

    @Test
    void aPrefixThatIsNotAPlainIdentifierIsRefusedBeforeAnythingIsCreated() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScratchDatabase.create(server, "x; DROP DATABASE shiftwatch"));
        assertTrue(e.getMessage().contains("must match"), e.getMessage());
    }

    private boolean exists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }
}
