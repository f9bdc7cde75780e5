package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.ChainVerification;
import io.shiftwatch.auditor.internal.RunFindings;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.migrations.Acknowledgements;
import io.shiftwatch.migrations.AuditLog;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code audit verify [--run R]}: recomputes the WHOLE hash chain (rows of all runs are linked, so a
 * run's rows can only be trusted if the chain up to them holds) and prints OK with the row count and
 * head hash, or the first broken row and what differs there; exit 0 intact, 1 broken, 2 usage or
 * unknown run. {@code audit ack --finding ID --who NAME --why TEXT}: acknowledges a finding
 * ({@link Acknowledgements}, one transaction); exit 0 stored, 2 unknown finding or usage, 1 database failure.
 */
final class AuditCommand {
    static final ConfigKey<String> RUN = ConfigKey.of("run", ConfigType.STRING, "run id");
    static final ConfigKey<String> FINDING = ConfigKey.of("finding", ConfigType.STRING, "finding id").asRequired();
    static final ConfigKey<String> WHO = ConfigKey.of("who", ConfigType.STRING, "who accepts it").asRequired()
            .validatedBy(s -> !s.isBlank(), "not be blank");
    static final ConfigKey<String> WHY = ConfigKey.of("why", ConfigType.STRING, "why it is accepted").asRequired()
            .validatedBy(s -> !s.isBlank(), "not be blank");
    static final String USAGE = """
            usage: shiftwatch audit verify [--run R]
                   shiftwatch audit ack --finding ID --who NAME --why TEXT
            (database: --db-url URL --db-user U --db-password P or SHIFTWATCH_DB_*)""";

    private AuditCommand() {
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help")) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "verify" -> GateCommand.parse(ConfigSchema.of(RUN), rest, err, USAGE)
                    .map(config -> withDatabase(rest, env, err, ds -> verify(ds, config.optional(RUN), out, err))).orElse(2);
            case "ack" -> GateCommand.parse(ConfigSchema.of(FINDING, WHO, WHY), rest, err, USAGE)
                    .map(config -> withDatabase(rest, env, err, ds -> ack(ds, config, out, err))).orElse(2);
            default -> {
                err.println("unknown audit command \"" + args.getFirst() + "\"\n" + USAGE);
                yield 2;
            }
        };
    }

    private interface DatabaseWork {
        int run(DataSource dataSource) throws SQLException;
    }

    private static int withDatabase(List<String> args, Map<String, String> env, PrintStream err, DatabaseWork work) {
        DataSource dataSource;
        try {
            dataSource = Database.dataSource(DatabaseConfig.resolve(args, env));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            return work.run(dataSource);
        } catch (SQLException e) {
            err.println("audit could not use the database (" + e.getMessage() + ")" + GateCommand.schemaHint(e)
                    + "; nothing was changed");
            return 1;
        }
    }

    private static int verify(DataSource dataSource, Optional<String> runId, PrintStream out, PrintStream err)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // One snapshot: rows appended while we read do not make the chain look broken.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            if (runId.isPresent() && !RunFindings.known(c, runId.get())) {
                err.println("unknown run \"" + runId.get() + "\": no run, finding or audit row names it");
                return 2;
            }
            ChainVerification result = ChainVerification.of(AuditLog.readAll(c));
            out.println(result.report());
            if (runId.isPresent()) {
                out.println("run " + runId.get() + ": " + RunFindings.auditRows(c, runId.get()) + " audit rows"
                        + (result.exitCode() == 0 ? ", all in the verified chain" : ""));
            }
            c.rollback();
            return result.exitCode();
        }
    }

    private static int ack(DataSource dataSource, Config config, PrintStream out, PrintStream err) throws SQLException {
        var outcome = Database.inTransaction(dataSource, c -> Acknowledgements.acknowledge(c, config.get(FINDING),
                config.get(WHO), config.get(WHY), Clock.systemUTC().instant()));
        return switch (outcome) {
            case Acknowledgements.Acknowledged a -> {
                out.println("acknowledged finding " + a.findingId() + " of run " + a.runId() + " by " + a.who()
                        + " (acknowledgement " + a.seq() + ", audit row " + a.auditSeq() + ")");
                yield 0;
            }
            case Acknowledgements.UnknownFinding u -> {
                err.println(u.message());
                yield 2;
            }
        };
    }
}
