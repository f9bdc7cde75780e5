package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.DatabaseFlags;
import io.shiftwatch.auditor.internal.GateDecision;
import io.shiftwatch.auditor.internal.RunFindings;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gate --run R [--max-severity warning]}: reads the run's findings from PostgreSQL and exits
 * 0 when no OPEN finding (RAISED/UPDATED; acknowledged and resolved ones do not block) has a severity
 * at or above {@code --max-severity} (default warning), 1 otherwise, printing a one-screen summary
 * ({@link GateDecision}). Exit 2: usage problems, an unknown run, or a database that could not be read
 * (the gate did not decide — never a pass).
 */
final class GateCommand {
    static final ConfigKey<String> RUN = ConfigKey.of("run", ConfigType.STRING, "run id").asRequired();
    static final ConfigKey<Severity> MAX_SEVERITY = ConfigKey.of("max-severity", AuditorSettings.SEVERITY,
            "lowest severity of an open finding that fails the gate").withDefault(Severity.WARNING);
    static final ConfigSchema SCHEMA = ConfigSchema.of(RUN, MAX_SEVERITY);
    static final String USAGE = "usage: shiftwatch gate --run R [--max-severity info|warning|critical]"
            + " [--db-url URL --db-user U --db-password P]\n"
            + "exit 0: no open finding at or above the severity (default warning); 1: there is one; 2: usage, unknown run"
            + " or database unreadable";

    private GateCommand() {
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Optional<Config> config = parse(SCHEMA, args, err, USAGE);
        if (config.isEmpty()) return 2;
        String runId = config.get().get(RUN);
        try (Connection c = Database.dataSource(DatabaseConfig.resolve(args, env)).getConnection()) {
            if (!RunFindings.known(c, runId)) {
                err.println("unknown run \"" + runId + "\": no run, finding or audit row names it; the gate did not decide");
                return 2;
            }
            GateDecision decision = GateDecision.decide(runId, RunFindings.load(c, runId), config.get().get(MAX_SEVERITY));
            out.print(decision.summary());
            return decision.exitCode();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println("gate could not read the database (" + e.getMessage() + ")" + schemaHint(e) + "; the gate did not decide");
            return 2;
        }
    }

    /** A hint when the schema is missing (SQLState 42P01 undefined_table): the database was never migrated. */
    static String schemaHint(SQLException e) {
        return "42P01".equals(e.getSQLState()) ? " — the schema is missing: run ./shiftwatch migrate first" : "";
    }

    /** Parses a sub-command's flags (database flags removed; no positional arguments allowed). */
    static Optional<Config> parse(ConfigSchema schema, List<String> args, PrintStream err, String usage) {
        switch (schema.parse(Map.of(), Map.of(), DatabaseFlags.without(args))) {
            case ConfigParse.Parsed parsed -> {
                return Optional.of(parsed.config());
            }
            case ConfigParse.Problems problems -> {
                err.println(problems.report() + "\n" + usage);
                return Optional.empty();
            }
        }
    }
}
