package io.shiftwatch.migrations;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the Shiftwatch database and the one transaction helper every writer uses, so that
 * a unit of work (e.g. one analysed checkpoint) is committed whole or not at all.
 */
public final class Database {
    private Database() {
    }

    /** A non-pooling data source for {@code config}; connections are opened per call. */
    public static DataSource dataSource(DatabaseConfig config) {
        var ds = new PGSimpleDataSource();
        ds.setUrl(config.url());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        ds.setApplicationName("shiftwatch");
        return ds;
    }

    /** Work that runs inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a fresh connection in one transaction: commits when it returns, rolls back
     * when it throws (and rethrows), so no partial rows are ever visible.
     */
    public static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
