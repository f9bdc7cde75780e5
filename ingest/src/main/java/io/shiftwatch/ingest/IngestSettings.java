package io.shiftwatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration keys of the ingest module, each defined once. Kafka and topic keys
 * ({@link #BOOTSTRAP_SERVERS}, {@link #TOPIC_PREFIX}, ...) are shared with the modules downstream:
 * they add their own keys with {@link ConfigSchema#plus}. {@link #COMMON} is the schema every
 * ingest command reads.
 */
public final class IngestSettings {
    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.of("bootstrap.servers", ConfigType.STRING,
                    "Kafka bootstrap servers, host:port[,host:port]")
            .withDefault("localhost:19092").validatedBy(s -> s.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"), "be host:port[,host:port...]");
    public static final ConfigKey<String> TOPIC_PREFIX = ConfigKey.of("topic.prefix", ConfigType.STRING,
                    "prefix put in front of every topic name (tests, tenants)")
            .withDefault("").validatedBy(s -> s.matches("[A-Za-z0-9._-]*"), "contain only letters, digits, '.', '_', '-'");
    public static final ConfigKey<Integer> TOPIC_PARTITIONS = ConfigKey.of("topic.partitions", ConfigType.INT,
                    "partitions of topics created at start-up")
            .withDefault(3).validatedBy(n -> n >= 1 && n <= 1000, "be within 1..1000");
    public static final ConfigKey<Integer> TOPIC_REPLICATION_FACTOR = ConfigKey.of("topic.replication-factor",
                    ConfigType.INT, "replication factor of topics created at start-up")
            .withDefault(1).validatedBy(n -> n >= 1 && n <= Short.MAX_VALUE, "be within 1..32767");
    public static final ConfigKey<List<Path>> CHECKPOINT_ROOTS = ConfigKey.of("checkpoint.roots", ConfigType.PATH_LIST,
                    "absolute directories checkpoints and base models may be read from, comma-separated")
            .withDefault(List.of()).validatedBy(l -> l.stream().allMatch(Path::isAbsolute), "be absolute paths");
    public static final ConfigKey<List<String>> REMOTE_SCHEMES = ConfigKey.of("checkpoint.remote-schemes",
                    ConfigType.STRING_LIST, "remote URI schemes allowed for checkpoints (e.g. s3); none by default")
            .withDefault(List.of()).validatedBy(l -> l.stream().allMatch(s -> s.matches("[a-z][a-z0-9+.-]*")), "be URI schemes");
    public static final ConfigKey<Integer> MAX_PAYLOAD_BYTES = ConfigKey.of("max.payload.bytes", ConfigType.INT,
                    "largest event accepted, in bytes")
            .withDefault(EventCodec.DEFAULT_MAX_BYTES).validatedBy(n -> n >= 1024 && n <= 64 << 20, "be within 1024..67108864");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of("http.port", ConfigType.INT,
                    "port of the HTTP ingest service (0 = any free port)")
            .withDefault(8787).validatedBy(n -> n >= 0 && n <= 65535, "be within 0..65535");
    public static final ConfigKey<Secret> INGEST_TOKEN = ConfigKey.of("ingest.token", ConfigType.SECRET,
                    "bearer token HTTP clients must present; never logged")
            .validatedBy(s -> s.reveal().length() >= 16, "be at least 16 characters");
    public static final ConfigKey<Duration> PUBLISH_TIMEOUT = ConfigKey.of("publish.timeout", ConfigType.DURATION,
                    "how long to wait for Kafka to acknowledge an event")
            .withDefault(Duration.ofSeconds(30)).validatedBy(d -> !d.isNegative() && !d.isZero(), "be positive");
    public static final ConfigKey<Duration> WATCH_SETTLE = ConfigKey.of("watch.settle", ConfigType.DURATION,
                    "a checkpoint folder is complete once no file changed size or mtime for this long")
            .withDefault(Duration.ofSeconds(5)).validatedBy(d -> !d.isNegative(), "not be negative");
    public static final ConfigKey<Duration> WATCH_POLL = ConfigKey.of("watch.poll", ConfigType.DURATION,
                    "how often the watched directory is scanned")
            .withDefault(Duration.ofSeconds(1)).validatedBy(d -> d.toMillis() >= 10, "be at least 10ms");
    public static final ConfigKey<Path> WATCH_STATE_DIR = ConfigKey.of("watch.state-dir", ConfigType.PATH,
            "directory of the watcher's state file (default: the watched directory)");

    /** Keys every ingest command reads. */
    public static final ConfigSchema COMMON = ConfigSchema.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, TOPIC_PARTITIONS,
            TOPIC_REPLICATION_FACTOR, CHECKPOINT_ROOTS, REMOTE_SCHEMES, MAX_PAYLOAD_BYTES, PUBLISH_TIMEOUT);

    private IngestSettings() {
    }

    /** The topics named by {@link #TOPIC_PREFIX}. */
    public static Topics topics(Config config) {
        return Topics.withPrefix(config.get(TOPIC_PREFIX));
    }

    /** The checkpoint roots and remote schemes. */
    public static CheckpointRoots roots(Config config) {
        return new CheckpointRoots(config.get(CHECKPOINT_ROOTS), config.get(REMOTE_SCHEMES));
    }

    /** The validator for {@link #MAX_PAYLOAD_BYTES} and the roots, following symbolic links. */
    public static CheckpointEventValidator validator(Config config) {
        return CheckpointEventValidator.onFilesystem(config.get(MAX_PAYLOAD_BYTES), roots(config));
    }
}
