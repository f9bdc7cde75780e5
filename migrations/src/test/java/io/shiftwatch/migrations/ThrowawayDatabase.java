package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * An empty database of its own for one IT class, created by the project role on the server named by
 * SHIFTWATCH_DB_* (the vector extension comes from template1) and dropped on close.
 */
public final class ThrowawayDatabase implements AutoCloseable {
    public final DatabaseConfig config;
    private final DatabaseConfig admin;
    private final String name;

    public ThrowawayDatabase() throws SQLException {
        DatabaseConfig server;
        try {
            server = DatabaseConfig.resolve(List.of(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " — start it with ./shiftwatch infra up or run ./shiftwatch test", e);
        }
        this.admin = server;
        this.name = "sw_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        this.config = server.withDatabase(name);
    }

    static Connection connect(DatabaseConfig config) throws SQLException {
        return DriverManager.getConnection(config.url(), config.user(), config.password());
    }

    public Connection connect() throws SQLException {
        return connect(config);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
