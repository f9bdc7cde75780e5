package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own (for one IT class or one benchmark), created by the project role on the
 * server named by {@code server} and dropped on close.
 *
 * <p>Dropping does not use {@code WITH (FORCE)}: that asks the server to terminate every session in
 * the database, and an autovacuum worker there belongs to no role the project role may signal
 * ("must be a member of the role whose process is being terminated"). Instead close ends the
 * project role's own sessions, then issues a plain DROP, which cancels autovacuum by itself, and
 * retries while another session is still leaving.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String IN_USE = "55006";
    private static final int ATTEMPTS = 40;

    public final DatabaseConfig config;
    private final DatabaseConfig server;
    private final String name;

    private ScratchDatabase(DatabaseConfig server, String name) {
        this.server = server;
        this.name = name;
        this.config = server.withDatabase(name);
    }

    /** Creates {@code <prefix>_<random>}; the prefix must be a plain lower-case identifier. */
    public static ScratchDatabase create(DatabaseConfig server, String prefix) throws SQLException {
        if (!prefix.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("scratch database prefix '" + prefix + "' must match [a-z][a-z0-9_]{0,30}");
        }
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return connect(config);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(server)) {
            for (int attempt = 1; ; attempt++) {
                endOwnSessions(c);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                    return;
                } catch (SQLException e) {
                    if (!IN_USE.equals(e.getSQLState()) || attempt == ATTEMPTS) throw e;
                    pause();
                }
            }
        }
    }

    private void endOwnSessions(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = ? AND usename = current_user AND pid <> pg_backend_pid()")) {
            p.setString(1, name);
            p.executeQuery().close();
        }
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for sessions to leave the scratch database", e);
        }
    }

    private static Connection connect(DatabaseConfig config) throws SQLException {
        return DriverManager.getConnection(config.url(), config.user(), config.password());
    }
}
