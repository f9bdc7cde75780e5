package io.shiftwatch.analyzer;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.ingest.IngestSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The analyzer's configuration keys, each defined once (the Kafka, topic and checkpoint-root keys
 * are ingest's, shared). Environment: {@code SHIFTWATCH_ANALYZER_K} etc.; flags: {@code --analyzer-k}.
 */
public final class AnalyzerSettings {
    public static final ConfigKey<String> GROUP_ID = ConfigKey.of("analyzer.group-id", ConfigType.STRING,
            "Kafka consumer group shared by all analyzer instances").withDefault("shiftwatch-analyzer")
            .validatedBy(s -> s.matches("[A-Za-z0-9._-]+"), "contain only letters, digits, '.', '_', '-'");
    public static final ConfigKey<Path> CACHE_DIR = ConfigKey.of("analyzer.cache-dir", ConfigType.PATH,
            "content-addressed cache of base-model activations (computed once per base, probe set and config)")
            .withDefault(Path.of(System.getProperty("user.home"), ".cache", "shiftwatch", "activations"));
    public static final ConfigKey<Path> PROBE_SETS_DIR = ConfigKey.of("analyzer.probe-sets-dir", ConfigType.PATH,
            "directory holding probe sets by id (<dir>/<probeSet.id>/probe.json) for events without probeSet.uri");
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.of("analyzer.batch-size", ConfigType.INT,
            "probe samples per forward pass").withDefault(32).validatedBy(n -> n >= 1 && n <= 4096, "be within 1..4096");
    public static final ConfigKey<Integer> MAX_NEW_TOKENS = ConfigKey.of("analyzer.max-new-tokens", ConfigType.INT,
            "longest generated caption/answer, in tokens").withDefault(32).validatedBy(n -> n >= 1 && n <= 1024, "be within 1..1024");
    public static final ConfigKey<List<String>> TARGETS = ConfigKey.of("analyzer.targets", ConfigType.STRING_LIST,
            "target tokens analysed when an event names none").withDefault(List.of("dog", "circle", "red", "doctor", "beach"))
            .validatedBy(l -> !l.isEmpty(), "name at least one token");
    public static final ConfigKey<List<String>> LAYERS = ConfigKey.of("analyzer.layers", ConfigType.STRING_LIST,
            "layers analysed when an event names none (-1 = final norm output)").withDefault(List.of("-1"))
            .validatedBy(l -> !l.isEmpty() && l.stream().allMatch(s -> s.matches("-1|\\d{1,4}")), "be integers >= -1");
    public static final ConfigKey<Integer> K = ConfigKey.of("analyzer.k", ConfigType.INT,
            "concepts per dictionary (K-Means clusters)").withDefault(20).validatedBy(n -> n >= 2 && n <= 512, "be within 2..512");
    public static final ConfigKey<Integer> RESTARTS = ConfigKey.of("analyzer.restarts", ConfigType.INT,
            "K-Means restarts (the lowest inertia wins)").withDefault(10).validatedBy(n -> n >= 1 && n <= 100, "be within 1..100");
    public static final ConfigKey<Long> SEED = ConfigKey.of("analyzer.seed", ConfigType.LONG,
            "seed of every random choice (K-Means, bootstrap halves)").withDefault(42L);
    public static final ConfigKey<Integer> NULL_REPEATS = ConfigKey.of("analyzer.null-repeats", ConfigType.INT,
            "base-vs-base repetitions for the null distribution of each metric").withDefault(10)
            .validatedBy(n -> n >= 2 && n <= 1000, "be within 2..1000");
    public static final ConfigKey<List<Path>> NULL_REFERENCES = ConfigKey.of("analyzer.null-references", ConfigType.PATH_LIST,
            "control fine-tunes of the base (more training, nothing planted): when given, each metric's null distribution"
                    + " is the base against these checkpoints (re-seeded K-Means each repeat), so it includes training noise,"
                    + " instead of the base against itself").withDefault(List.of());
    public static final ConfigKey<Duration> MAX_POLL_INTERVAL = ConfigKey.of("analyzer.max-poll-interval", ConfigType.DURATION,
            "longest a checkpoint may take before the group reassigns it").withDefault(Duration.ofMinutes(30))
            .validatedBy(d -> d.toSeconds() >= 30, "be at least 30s");

    /** Every key the analyzer service and the offline {@code analyze} command read. */
    public static final ConfigSchema SCHEMA = IngestSettings.COMMON.plus(GROUP_ID, CACHE_DIR, PROBE_SETS_DIR, BATCH_SIZE,
            MAX_NEW_TOKENS, TARGETS, LAYERS, K, RESTARTS, SEED, NULL_REPEATS, NULL_REFERENCES, MAX_POLL_INTERVAL);

    private AnalyzerSettings() {
    }
}
