package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.CheckpointWatcher;
import io.shiftwatch.ingest.internal.HttpIngestService;
import io.shiftwatch.ingest.internal.PublishCommand;
import io.shiftwatch.ingest.internal.WatchState;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Command line of the ingest module: {@code ingest} (HTTP service), {@code watch DIR} (checkpoint
 * directory watcher), {@code publish} (one event from flags or {@code --file}). Each takes
 * {@code --help}; configuration comes from defaults, {@code --config FILE}, SHIFTWATCH_* variables
 * and flags. Exit codes: 0 done, 1 refused or failed, 2 configuration problems.
 */
public final class IngestCli {
    static final ConfigSchema INGEST = IngestSettings.COMMON.plus(IngestSettings.HTTP_PORT,
            IngestSettings.INGEST_TOKEN.asRequired());
    static final ConfigSchema WATCH = IngestSettings.COMMON.plus(IngestSettings.WATCH_SETTLE, IngestSettings.WATCH_POLL,
            IngestSettings.WATCH_STATE_DIR).plus(EventTemplateSettings.SCHEMA.keys().toArray(ConfigKey[]::new));

    private IngestCli() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka clients narrate every connection at INFO; keep the console for our own lines.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        }
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.getFirst().equals("--help")) {
            out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        Optional<ConfigSchema> helpFor = switch (args.getFirst()) {
            case "ingest" -> Optional.of(INGEST);
            case "watch" -> Optional.of(WATCH);
            case "publish" -> Optional.of(PublishCommand.schema(rest));
            default -> Optional.empty();
        };
        if (helpFor.isPresent() && rest.contains("--help")) {
            out.println("usage: IngestCli " + args.getFirst() + (args.getFirst().equals("watch") ? " DIR" : "")
                    + " [flags]\n\n" + ConfigLoader.withConfigFile(helpFor.get()).helpTable());
            return 0;
        }
        return switch (args.getFirst()) {
            case "ingest" -> parsed(INGEST, rest, env, err).map(IngestCli::ingest).orElse(2);
            case "watch" -> parsed(WATCH, rest, env, err).map(c -> watch(c, err)).orElse(2);
            case "publish" -> parsed(helpFor.orElseThrow(), rest, env, err).map(c -> PublishCommand.run(c, out, err)).orElse(2);
            default -> {
                err.println("unknown command \"" + args.getFirst() + "\"\n" + usage());
                yield 2;
            }
        };
    }

    private static String usage() {
        return """
                usage: IngestCli <command> [flags]   (each command takes --help)
                  ingest           HTTP service: POST /v1/checkpoints, GET /healthz
                  watch DIR        publish one event per completed checkpoint-<step>/ or step-<step>/ folder
                  publish          publish one event from flags or --file event.json""";
    }

    private static Optional<Config> parsed(ConfigSchema schema, List<String> args, Map<String, String> env,
                                           PrintStream err) {
        return switch (ConfigLoader.load(schema, args, env)) {
            case ConfigParse.Parsed parsed -> Optional.of(parsed.config());
            case ConfigParse.Problems problems -> {
                err.println(problems.report());
                yield Optional.empty();
            }
        };
    }

    private static int ingest(Config config) {
        Topics topics = IngestSettings.topics(config);
        String bootstrap = config.get(IngestSettings.BOOTSTRAP_SERVERS);
        TopicAdmin.ensureTopics(config);
        try (CheckpointPublisher publisher = CheckpointPublisher.create(bootstrap, topics, IngestSettings.validator(config));
             DeadLetterPublisher dlq = DeadLetterPublisher.create(bootstrap, topics, Clock.systemUTC());
             HttpIngestService service = new HttpIngestService(config.get(IngestSettings.HTTP_PORT),
                     config.get(IngestSettings.INGEST_TOKEN), IngestSettings.validator(config), publisher, dlq,
                     config.get(IngestSettings.PUBLISH_TIMEOUT))) {
            service.start();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException("ingest service failed: " + e.getMessage(), e);
        }
    }

    private static int watch(Config config, PrintStream err) {
        if (config.positional().size() != 1) {
            err.println("watch needs exactly one directory, got " + config.positional());
            return 2;
        }
        Path dir = Path.of(config.positional().getFirst()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            err.println("watch: " + dir + " is not a directory");
            return 2;
        }
        Topics topics = IngestSettings.topics(config);
        String bootstrap = config.get(IngestSettings.BOOTSTRAP_SERVERS);
        List<Path> roots = new ArrayList<>(config.get(IngestSettings.CHECKPOINT_ROOTS));
        roots.add(dir);
        CheckpointEventValidator validator = CheckpointEventValidator.onFilesystem(
                config.get(IngestSettings.MAX_PAYLOAD_BYTES), new CheckpointRoots(roots, config.get(IngestSettings.REMOTE_SCHEMES)));
        TopicAdmin.ensureTopics(config);
        AtomicBoolean running = new AtomicBoolean(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.set(false)));
        try (CheckpointPublisher publisher = CheckpointPublisher.create(bootstrap, topics, validator);
             DeadLetterPublisher dlq = DeadLetterPublisher.create(bootstrap, topics, Clock.systemUTC())) {
            WatchState state = WatchState.load(config.optional(IngestSettings.WATCH_STATE_DIR).orElse(dir));
            new CheckpointWatcher(dir, EventTemplateSettings.template(config), publisher, dlq, state,
                    config.get(IngestSettings.WATCH_SETTLE), config.get(IngestSettings.PUBLISH_TIMEOUT), Clock.systemUTC())
                    .run(config.get(IngestSettings.WATCH_POLL), running::get);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
