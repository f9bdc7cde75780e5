package io.shiftwatch.bench;

import io.shiftwatch.migrations.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prints the progress of a running CREATE INDEX in one database (PostgreSQL's
 * {@code pg_stat_progress_create_index}) to stderr every {@code periodSeconds}, from a daemon thread
 * with its own connection, until closed. An HNSW build of a million rows takes many minutes.
 */
final class IndexBuildProgress implements AutoCloseable {
    private static final String SQL = "SELECT phase, tuples_done, tuples_total, blocks_done, blocks_total"
            + " FROM pg_stat_progress_create_index WHERE datname = current_database()";
    private final Thread thread;

    IndexBuildProgress(DatabaseConfig db, int periodSeconds) {
        thread = Thread.ofPlatform().daemon().name("index-build-progress").start(() -> poll(db, periodSeconds));
    }

    private static void poll(DatabaseConfig db, int periodSeconds) {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(SQL)) {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(periodSeconds * 1000L);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.err.printf("pgvector: index build %.0f s: %s, tuples %d/%d, blocks %d/%d%n",
                                Timing.secondsSince(t0), rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            System.err.println("pgvector: index progress unavailable (" + e.getMessage() + "); the build goes on");
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
