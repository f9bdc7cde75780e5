package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.DatabaseFlags;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.Migrator;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the auditor: {@code auditor} runs the Streams application until SIGTERM
 * (configuration from defaults, {@code --config FILE}, SHIFTWATCH_* variables and flags; see
 * {@code auditor --help}) together with the alert recorder and webhooks ({@link AuditorService});
 * {@code gate} ({@link GateCommand}) and {@code audit verify|ack} ({@link AuditCommand}) read and write
 * PostgreSQL; {@code report} is not available yet. Exit codes: 0 done, 1 failed, 2 usage or
 * configuration problems (and not-yet-available commands). The database comes from {@code --db-*}
 * flags over {@code SHIFTWATCH_DB_*}.
 */
public final class AuditorCli {
    private static final Logger LOG = LoggerFactory.getLogger(AuditorCli.class);

    private AuditorCli() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka clients narrate every connection at INFO; keep the console for our own lines.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        }
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("--help")) {
            out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "auditor" -> {
                if (rest.contains("--help")) {
                    out.println("usage: AuditorCli auditor [flags] [--db-url URL --db-user U --db-password P]\n\n"
                            + ConfigLoader.withConfigFile(AuditorSettings.SCHEMA).helpTable());
                    yield 0;
                }
                yield runAuditor(rest, env, err);
            }
            case "gate" -> GateCommand.run(rest, env, out, err);
            case "audit" -> AuditCommand.run(rest, env, out, err);
            case "report" -> {
                err.println(args.getFirst() + " is not available yet; it needs the findings database (next round)");
                yield 2;
            }
            default -> {
                err.println("unknown command \"" + args.getFirst() + "\"\n" + usage());
                yield 2;
            }
        };
    }

    static Optional<Config> parsed(List<String> args, Map<String, String> env, PrintStream err) {
        return switch (ConfigLoader.load(AuditorSettings.SCHEMA, args, env)) {
            case ConfigParse.Parsed parsed -> Optional.of(parsed.config());
            case ConfigParse.Problems problems -> {
                err.println(problems.report());
                yield Optional.empty();
            }
        };
    }

    private static String usage() {
        return """
                usage: AuditorCli <command> [flags]   (each command takes --help)
                  auditor          Kafka Streams app: concept drift -> findings -> alerts (until SIGTERM)
                  report           compliance report of a run (not available yet)
                  gate             --run R [--max-severity warning]: exit 0 pass, 1 open findings, 2 usage/unknown run
                  audit            verify [--run R] (hash chain) | ack --finding ID --who NAME --why TEXT""";
    }

    private static int runAuditor(List<String> rest, Map<String, String> env, PrintStream err) {
        Optional<Config> config = parsed(DatabaseFlags.without(rest), env, err);
        if (config.isEmpty()) return 2;
        AuditorService service;
        try {
            DatabaseConfig db = DatabaseConfig.resolve(rest, env);
            Migrator.migrate(db);
            service = AuditorService.create(config.get(), db, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            err.println("auditor cannot start: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (service) {
            service.streams().setStateListener((now, before) -> {
                LOG.info("auditor state {} -> {}", before, now);
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("auditor stopping (signal); committing and closing the state stores");
                service.close();
                stopped.countDown();
            }, "auditor-shutdown"));
            service.start();
            stopped.await();
            return service.streams().state() == KafkaStreams.State.ERROR ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
