package io.shiftwatch.auditor;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the auditor: {@code auditor} runs the Streams application until SIGTERM
 * (configuration from defaults, {@code --config FILE}, SHIFTWATCH_* variables and flags; see
 * {@code auditor --help}); {@code report}, {@code gate} and {@code audit} are not available yet.
 * Exit codes: 0 done, 1 failed, 2 usage or configuration problems (and not-yet-available commands).
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
                    out.println("usage: AuditorCli auditor [flags]\n\n"
                            + ConfigLoader.withConfigFile(AuditorSettings.SCHEMA).helpTable());
                    yield 0;
                }
                yield parsed(rest, env, err).map(AuditorCli::runStreams).orElse(2);
            }
            case "report", "gate", "audit" -> {
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
                  gate             exit 0/1 on a run's findings for training pipelines (not available yet)
                  audit            audit-log verification (not available yet)""";
    }

    private static int runStreams(Config config) {
        AuditorConfig rules = AuditorSettings.auditorConfig(config);
        Topics topics = IngestSettings.topics(config);
        TopicAdmin.ensureTopics(config.get(IngestSettings.BOOTSTRAP_SERVERS), topics.allNames(),
                config.get(IngestSettings.TOPIC_PARTITIONS), config.get(IngestSettings.TOPIC_REPLICATION_FACTOR).shortValue(),
                Duration.ofSeconds(30));
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(AuditorTopology.build(rules, topics),
                AuditorSettings.streamsProperties(config))) {
            streams.setStateListener((now, before) -> {
                LOG.info("auditor state {} -> {}", before, now);
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stopped.countDown();
                }
            });
            Thread hook = new Thread(() -> {
                LOG.info("auditor stopping (signal); committing and closing the state stores");
                streams.close(Duration.ofSeconds(30));
                stopped.countDown();
            }, "auditor-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LOG.info("auditor starting: applicationId={} topics={} -> {}", config.get(AuditorSettings.APPLICATION_ID),
                    topics.conceptDrift().name(), topics.alerts());
            streams.start();
            stopped.await();
            return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
