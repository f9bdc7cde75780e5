package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work inside one transaction: its own when the connection is in auto-commit mode (committed on
 * success, rolled back on failure, auto-commit restored), otherwise the caller's, which the caller ends.
 * Package-private: {@code SET LOCAL}-style settings of {@link VectorSearch} need a transaction to live in.
 */
final class Transactions {
    private Transactions() {
    }

    /** Work that returns a value and may fail with SQL errors. */
    interface Work<T> {
        T run() throws SQLException;
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        if (!connection.getAutoCommit()) return work.run();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
