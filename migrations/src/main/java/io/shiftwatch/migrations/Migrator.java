package io.shiftwatch.migrations;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies the Flyway migrations in {@code classpath:db/migration} as the project's role. The
 * {@code vector} extension must already exist (it needs a superuser); if it does not, nothing is
 * applied and the error says how to fix it.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private Migrator() {
    }

    /** Result of a migration: the versions applied now (empty when already up to date) and the current version. */
    public record Outcome(List<String> applied, String currentVersion) {
        public Outcome {
            applied = List.copyOf(applied);
        }
    }

    public static Outcome migrate(DatabaseConfig config) {
        requireVectorExtension(config);
        var flyway = Flyway.configure()
                .dataSource(config.url(), config.user(), config.password())
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        List<String> applied = result.migrations.stream().map(m -> m.version).toList();
        String current = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        LOG.atInfo().addKeyValue("applied", applied).addKeyValue("version", current).log("database migrated");
        return new Outcome(applied, current);
    }

    private static void requireVectorExtension(DatabaseConfig config) {
        try (Connection c = Database.dataSource(config).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT current_database(), EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(2))
                throw new IllegalStateException("extension vector is not installed in database " + rs.getString(1)
                        + ": CREATE EXTENSION vector needs a superuser — run ./shiftwatch infra up, or ask your DBA;"
                        + " no migration was applied");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + config.url() + " as " + config.user() + ": "
                    + e.getMessage() + "; no migration was applied", e);
        }
    }
}
