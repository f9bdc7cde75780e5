package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An empty database of its own for one IT class, created by the project role on the server named by
 * SHIFTWATCH_DB_* (the vector extension comes from template1) and dropped on close.
 */
public final class ThrowawayDatabase implements AutoCloseable {
    public final DatabaseConfig config;
    private final ScratchDatabase scratch;

    public ThrowawayDatabase() throws SQLException {
        DatabaseConfig server;
        try {
            server = DatabaseConfig.resolve(List.of(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " — start it with ./shiftwatch infra up or run ./shiftwatch test", e);
        }
        this.scratch = ScratchDatabase.create(server, "sw_it");
        this.config = scratch.config;
    }

    /** A throwaway database with every Flyway migration applied (what most ITs need). */
    public static ThrowawayDatabase migrated() throws SQLException {
        ThrowawayDatabase db = new ThrowawayDatabase();
        try {
            Migrator.migrate(db.config);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Connection connect() throws SQLException {
        return scratch.connect();
    }

    @Override
    public void close() throws SQLException {
        scratch.close();
    }
}
