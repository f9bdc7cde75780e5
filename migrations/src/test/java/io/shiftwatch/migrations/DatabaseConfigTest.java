package io.shiftwatch.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseConfigTest {
    private static final Map<String, String> ENV = Map.of(
            "SHIFTWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:15432/shiftwatch",
            "SHIFTWATCH_DB_USER", "shiftwatch",
            "SHIFTWATCH_DB_PASSWORD", "s3cret");

    @Test
    void flagsWinOverTheEnvironment() {
        // Given
        List<String> args = List.of("--db-url", "jdbc:postgresql://db:5432/other", "--db-user=ops");

        // When
        DatabaseConfig config = DatabaseConfig.resolve(args, ENV);

        // Then
        assertEquals(new DatabaseConfig("jdbc:postgresql://db:5432/other", "ops", "s3cret"), config);
    }

    @Test
    void everyMissingValueIsReportedTogether() {
        // Given
        Map<String, String> empty = Map.of();

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseConfig.resolve(List.of(), empty));

        // Then
        assertTrue(e.getMessage().contains("SHIFTWATCH_DB_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("SHIFTWATCH_DB_USER"), e.getMessage());
        assertTrue(e.getMessage().contains("SHIFTWATCH_DB_PASSWORD"), e.getMessage());
    }

    @Test
    void aNonPostgresUrlIsRejected() {
        // Given
        List<String> args = List.of("--db-url", "jdbc:mysql://x/y");

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseConfig.resolve(args, ENV));

        // Then
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        // Given
        DatabaseConfig config = DatabaseConfig.resolve(List.of(), ENV);

        // When
        String text = config.toString();

        // Then
        assertFalse(text.contains("s3cret"), text);
    }

    @Test
    void withDatabaseReplacesOnlyTheDatabaseName() {
        // Given
        var config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:15432/shiftwatch?sslmode=disable", "u", "p");

        // When
        DatabaseConfig other = config.withDatabase("sw_it_42");

        // Then
        assertEquals("jdbc:postgresql://127.0.0.1:15432/sw_it_42?sslmode=disable", other.url());
    }
}
