package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.BoundedRocksDbMemory;

import io.shiftwatch.auditor.SeverityTiers.Direction;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.Secret;
import io.shiftwatch.auditor.webhook.Backoff;
import io.shiftwatch.auditor.webhook.WebhookDispatcher;
import io.shiftwatch.auditor.webhook.WebhookRoutes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The configuration keys of the auditor, each defined once, on top of ingest's Kafka and topic
 * keys ({@link #SCHEMA}); {@link #auditorConfig} turns parsed values into the typed rule record
 * (reading lexicon files), {@link #streamsProperties} into the Kafka Streams runtime config
 * (exactly-once v2, no record cache, short commit interval), {@link #webhookSettings} into the
 * webhook routes, secret and backoff. The recorder's database comes from {@code --db-*} /
 * {@code SHIFTWATCH_DB_*} ({@code DatabaseConfig}), not from this schema.
 */
public final class AuditorSettings {
    static final ConfigType<Double> FRACTION = new ConfigType<>("fraction", AuditorSettings::parseFraction, String::valueOf);
    static final ConfigType<Severity> SEVERITY = new ConfigType<>("severity",
            s -> parseSeverity(s), s -> s.name().toLowerCase(Locale.ROOT));
    static final ConfigType<List<URI>> WEBHOOK_URL_LIST = new ConfigType<>("url list",
            s -> WebhookRoutes.parse(ConfigType.STRING_LIST.parse().apply(s), List.of()).global(),
            l -> String.join(",", l.stream().map(URI::toString).toList()));
    static final ConfigType<List<WebhookRoutes.LabelRoute>> LABEL_ROUTES = new ConfigType<>("route list",
            s -> WebhookRoutes.parse(List.of(), ConfigType.STRING_LIST.parse().apply(s)).byLabel(),
            l -> String.join(",", l.stream().map(r -> r.key() + "=" + r.value() + "->" + r.url()).toList()));

    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("auditor.application-id", ConfigType.STRING,
                    "Kafka Streams application id (instances with the same id share the work)")
            .withDefault("shiftwatch-auditor").validatedBy(s -> s.matches("[A-Za-z0-9._-]+"), "contain only letters, digits, '.', '_', '-'");
    public static final ConfigKey<Path> STATE_DIR = ConfigKey.of("auditor.state-dir", ConfigType.PATH,
            "directory of the auditor's RocksDB state stores (rebuilt from changelogs when lost)")
            .withDefault(Path.of(System.getProperty("user.home"), ".local", "share", "shiftwatch", "auditor"));
    public static final ConfigKey<Integer> ROCKSDB_MEMORY_MIB = ConfigKey.of("auditor.rocksdb-memory-mib", ConfigType.INT,
                    "off-heap memory all RocksDB state stores share (block cache, index/filter blocks, memtables), in MiB")
            .withDefault(64).validatedBy(n -> n >= 8 && n <= 65536, "be within 8..65536");
    public static final ConfigKey<Duration> COMMIT_INTERVAL = ConfigKey.of("auditor.commit-interval", ConfigType.DURATION,
                    "how often processing is committed (alerts become visible to read-committed consumers)")
            .withDefault(Duration.ofMillis(100)).validatedBy(d -> d.toMillis() >= 1, "be at least 1ms");
    public static final ConfigKey<SeverityTiers> NULL_QUANTILE_TIERS = tiers("bound.null-quantile-tiers",
            Direction.LOWER_IS_WORSE, "0.01,0.001,0.0001",
            "info,warning,critical: a cosine or T-Overlap whose null quantile is below the tier reaches it");
    public static final ConfigKey<SeverityTiers> COSINE_ABSOLUTE = tiers("bound.cosine-absolute", Direction.LOWER_IS_WORSE,
            "0.5,0.3,0.1", "info,warning,critical cosine limits used when the event has no null quantile for cosine");
    public static final ConfigKey<SeverityTiers> T_OVERLAP_ABSOLUTE = tiers("bound.t-overlap-absolute",
            Direction.LOWER_IS_WORSE, "0.3,0.15,0.05",
            "info,warning,critical T-Overlap limits used when the event has no null quantile for tOverlap");
    public static final ConfigKey<Severity> UNMATCHED_SEVERITY = ConfigKey.of("vanishing.unmatched-severity", SEVERITY,
            "severity of VANISHING when no checkpoint concept matched at all").withDefault(Severity.CRITICAL);
    public static final ConfigKey<Double> CORE_SHARE = ConfigKey.of("specialising.core-share", FRACTION,
                    "share of the base words the match must keep to count as the same concept specialising")
            .withDefault(0.4).validatedBy(d -> d > 0.0, "be above 0");
    public static final ConfigKey<SeverityTiers> SPECIALISING_TIERS = tiers("specialising.tiers", Direction.HIGHER_IS_WORSE,
            "0.2,0.4,0.6", "info,warning,critical limits of max(domain share, breadth loss)");
    public static final ConfigKey<List<Path>> LEXICON_FILES = ConfigKey.of("bias.lexicon-files", ConfigType.PATH_LIST,
            "<category>.txt files (one word per line) adding or replacing built-in lexicon categories").withDefault(List.of());
    public static final ConfigKey<Integer> BIAS_CRITICAL_WORDS = ConfigKey.of("bias.critical-words", ConfigType.INT,
                    "distinct sensitive words taken into the grounding that make BIAS_ABSORBING critical")
            .withDefault(3).validatedBy(n -> n >= 1, "be at least 1");
    public static final ConfigKey<Integer> MIN_SAMPLES = ConfigKey.of("bound.min-samples", ConfigType.INT,
                    "base concepts with fewer probe samples are too small to judge: VANISHING (by metrics), "
                            + "SPECIALISING and BIAS_ABSORBING stay at INFO for them")
            .withDefault(10).validatedBy(n -> n >= 0, "be at least 0");
    public static final ConfigKey<SeverityTiers> BIAS_GAIN_TIERS = tiers("bias.gain-tiers", Direction.HIGHER_IS_WORSE,
            "4,8,30", "info,warning,critical: how many times more likely a sensitive word became under the concept, "
                    + "relative to the other words of its category (alone: to the concept's median word)");
    public static final ConfigKey<Severity> EMERGING_SEVERITY = ConfigKey.of("emerging.severity", SEVERITY,
            "severity of EMERGING findings").withDefault(Severity.INFO);
    public static final ConfigKey<String> TREND_METRIC = ConfigKey.of("trend.metric", ConfigType.STRING,
                    "metric whose history the trend rules watch").withDefault(AuditorConfig.T_OVERLAP)
            .validatedBy(AuditorConfig.TREND_METRICS::contains, "be tOverlap or cosine");
    public static final ConfigKey<Integer> TREND_WINDOW = ConfigKey.of("trend.window", ConfigType.INT,
            "checkpoints over which TREND_FALL requires a strict fall").withDefault(3).validatedBy(n -> n >= 2 && n <= 100, "be within 2..100");
    public static final ConfigKey<SeverityTiers> TREND_FALL_TIERS = tiers("trend.fall-tiers", Direction.HIGHER_IS_WORSE,
            "0.15,0.3,0.5", "info,warning,critical limits of the total drop over the trend window");
    public static final ConfigKey<SeverityTiers> TREND_JUMP_TIERS = tiers("trend.jump-tiers", Direction.HIGHER_IS_WORSE,
            "0.2,0.35,0.5", "info,warning,critical limits of the drop between two consecutive checkpoints");

    public static final ConfigKey<String> RECORDER_GROUP_ID = ConfigKey.of("auditor.recorder-group-id", ConfigType.STRING,
                    "consumer group of the alert recorder (alerts -> findings + audit_log in PostgreSQL)")
            .withDefault("shiftwatch-auditor-recorder").validatedBy(s -> s.matches("[A-Za-z0-9._-]+"), "contain only letters, digits, '.', '_', '-'");
    public static final ConfigKey<Duration> RECORDER_RETRY = ConfigKey.of("auditor.recorder-retry", ConfigType.DURATION,
            "wait before re-trying an alert the database refused (nothing is skipped)")
            .withDefault(Duration.ofSeconds(5)).validatedBy(d -> d.toMillis() >= 1, "be at least 1ms");
    public static final ConfigKey<List<URI>> WEBHOOK_URLS = ConfigKey.of("webhook.urls", WEBHOOK_URL_LIST,
            "http(s) URLs that receive every alert (comma-separated)").withDefault(List.of());
    public static final ConfigKey<List<WebhookRoutes.LabelRoute>> WEBHOOK_LABEL_ROUTES = ConfigKey.of(
            "webhook.label-routes", LABEL_ROUTES, "key=value->url entries: alerts of runs with that label go to url")
            .withDefault(List.of());
    public static final ConfigKey<Secret> WEBHOOK_SECRET = ConfigKey.of("webhook.secret", ConfigType.SECRET,
            "HMAC-SHA256 key of X-Shiftwatch-Signature; set it in the environment, required when webhooks are configured");
    public static final ConfigKey<Integer> WEBHOOK_ATTEMPTS = ConfigKey.of("webhook.attempts", ConfigType.INT,
            "attempts per alert and URL before it goes to shiftwatch.alerts.dlq").withDefault(5)
            .validatedBy(n -> n >= 1 && n <= 20, "be within 1..20");
    public static final ConfigKey<Duration> WEBHOOK_BACKOFF = ConfigKey.of("webhook.backoff", ConfigType.DURATION,
            "wait before the 2nd attempt; doubles per attempt up to webhook.backoff-max").withDefault(Duration.ofSeconds(1));
    public static final ConfigKey<Duration> WEBHOOK_BACKOFF_MAX = ConfigKey.of("webhook.backoff-max", ConfigType.DURATION,
            "longest wait between two attempts").withDefault(Duration.ofMinutes(1));
    public static final ConfigKey<Duration> WEBHOOK_TIMEOUT = ConfigKey.of("webhook.timeout", ConfigType.DURATION,
            "connect and response timeout of one attempt").withDefault(Duration.ofSeconds(10))
            .validatedBy(d -> d.toMillis() >= 1, "be at least 1ms");

    /** Every key the {@code auditor} command reads. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(IngestSettings.BOOTSTRAP_SERVERS, IngestSettings.TOPIC_PREFIX,
            IngestSettings.TOPIC_PARTITIONS, IngestSettings.TOPIC_REPLICATION_FACTOR, APPLICATION_ID, STATE_DIR,
            COMMIT_INTERVAL, ROCKSDB_MEMORY_MIB, NULL_QUANTILE_TIERS, COSINE_ABSOLUTE, T_OVERLAP_ABSOLUTE, UNMATCHED_SEVERITY, CORE_SHARE,
            SPECIALISING_TIERS, LEXICON_FILES, BIAS_CRITICAL_WORDS, EMERGING_SEVERITY, TREND_METRIC, TREND_WINDOW,
            TREND_FALL_TIERS, TREND_JUMP_TIERS, MIN_SAMPLES, BIAS_GAIN_TIERS, RECORDER_GROUP_ID, RECORDER_RETRY, WEBHOOK_URLS, WEBHOOK_LABEL_ROUTES,
            WEBHOOK_SECRET, WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF, WEBHOOK_BACKOFF_MAX, WEBHOOK_TIMEOUT);

    private AuditorSettings() {
    }

    /** The rule record; reads the lexicon files (an unreadable file stops start-up with its path). */
    public static AuditorConfig auditorConfig(Config config) {
        SensitiveLexicon lexicon = SensitiveLexicon.builtIn().withFiles(config.get(LEXICON_FILES));
        return new AuditorConfig(config.get(NULL_QUANTILE_TIERS), config.get(COSINE_ABSOLUTE),
                config.get(T_OVERLAP_ABSOLUTE), config.get(UNMATCHED_SEVERITY), config.get(CORE_SHARE),
                config.get(SPECIALISING_TIERS), lexicon, config.get(BIAS_CRITICAL_WORDS), config.get(EMERGING_SEVERITY),
                config.get(TREND_METRIC), config.get(TREND_WINDOW), config.get(TREND_FALL_TIERS), config.get(TREND_JUMP_TIERS),
                config.get(MIN_SAMPLES), config.get(BIAS_GAIN_TIERS));
    }

    /**
     * The webhook settings, or empty when no URL is configured; IllegalArgumentException when URLs are
     * configured without {@link #WEBHOOK_SECRET} or the backoff is inconsistent.
     */
    public static Optional<WebhookDispatcher.Settings> webhookSettings(Config config) {
        WebhookRoutes routes = new WebhookRoutes(config.get(WEBHOOK_URLS), config.get(WEBHOOK_LABEL_ROUTES));
        if (routes.isEmpty()) return Optional.empty();
        Secret secret = config.optional(WEBHOOK_SECRET).filter(s -> !s.reveal().isEmpty()).orElseThrow(() ->
                new IllegalArgumentException("webhooks are configured but " + WEBHOOK_SECRET.name() + " is not: set "
                        + WEBHOOK_SECRET.envName() + " in the environment; the auditor does not start"));
        Backoff backoff = new Backoff(config.get(WEBHOOK_ATTEMPTS), config.get(WEBHOOK_BACKOFF), 2.0,
                config.get(WEBHOOK_BACKOFF_MAX));
        return Optional.of(new WebhookDispatcher.Settings(routes, secret, backoff, config.get(WEBHOOK_TIMEOUT)));
    }

    /** Kafka Streams runtime config: exactly-once v2, no record cache, bad input records logged and skipped. */
    public static Properties streamsProperties(Config config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(APPLICATION_ID));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(IngestSettings.BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(STATE_DIR).toAbsolutePath().toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(COMMIT_INTERVAL).toMillis());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.BUDGET_BYTES, Long.toString(config.get(ROCKSDB_MEMORY_MIB) * 1024L * 1024L));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(IngestSettings.TOPIC_REPLICATION_FACTOR));
        // The ingest contract is validated upstream; a record that still fails to parse is logged and skipped.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return props;
    }

    private static ConfigKey<SeverityTiers> tiers(String name, Direction direction, String defaults, String description) {
        ConfigType<SeverityTiers> type = new ConfigType<>("tiers", s -> SeverityTiers.parse(direction, s), SeverityTiers::print);
        return ConfigKey.of(name, type, description).withDefault(SeverityTiers.parse(direction, defaults));
    }

    private static double parseFraction(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("\"" + text + "\" is not a fraction within [0, 1]");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
    }

    private static Severity parseSeverity(String text) {
        try {
            return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a severity (info, warning, critical)");
        }
    }
}
