package io.shiftwatch.migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * A small pool of open connections for the long-running services (analyzer, auditor, dashboards), which
 * run one short transaction per event or request: opening a connection costs a TCP handshake, a SCRAM
 * password exchange and a new server process, far more than the transaction itself (see BENCHMARKS.md,
 * "Database connections"). Connections are validated on loan, closed after {@code idleTimeout}, and
 * returned with auto-commit on. Close the pool when the service stops.
 */
public final class ConnectionPool implements AutoCloseable {
    private final HikariDataSource pool;

    private ConnectionPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens a pool of at most {@code maxConnections} (1..64) named {@code name} (it shows in
     * {@code pg_stat_activity.application_name}); connects lazily, so a database that is not up yet
     * fails at the first use, not here.
     */
    public static ConnectionPool open(DatabaseConfig config, String name, int maxConnections) {
        if (maxConnections < 1 || maxConnections > 64)
            throw new IllegalArgumentException("a connection pool needs 1..64 connections, got " + maxConnections);
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(config.url());
        c.setUsername(config.user());
        c.setPassword(config.password());
        c.setPoolName(name);
        c.setMaximumPoolSize(maxConnections);
        c.setMinimumIdle(0);
        c.setIdleTimeout(Duration.ofSeconds(60).toMillis());
        c.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        c.setInitializationFailTimeout(-1);
        c.addDataSourceProperty("ApplicationName", name);
        return new ConnectionPool(new HikariDataSource(c));
    }

    /** The pooled data source: closing a connection from it returns the connection to the pool. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
