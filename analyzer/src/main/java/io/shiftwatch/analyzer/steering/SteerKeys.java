package io.shiftwatch.analyzer.steering;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.models.Steering;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code steer} subcommands' configuration keys, each defined once (flags {@code --layer},
 * environment {@code SHIFTWATCH_LAYER}, or a config file).
 */
public final class SteerKeys {
    static final ConfigType<Double> NUMBER = new ConfigType<>("number", SteerKeys::parseNumber, String::valueOf);
    static final ConfigType<List<Double>> NUMBERS = new ConfigType<>("number list",
            s -> ConfigType.STRING_LIST.parse().apply(s).stream().map(SteerKeys::parseNumber).toList(),
            l -> String.join(",", l.stream().map(String::valueOf).toList()));

    static final ConfigKey<Path> MODEL = ConfigKey.of("model", ConfigType.PATH, "checkpoint folder of the model to steer (testbed format)").asRequired();
    static final ConfigKey<Path> PROBE = ConfigKey.of("probe", ConfigType.PATH, "probe set folder (probe.json + images.bin)").asRequired();
    static final ConfigKey<Path> REFERENCE = ConfigKey.of("reference", ConfigType.PATH,
            "coarse only: a reference model (e.g. the base) whose states are the target side; the steered model's are the source");
    static final ConfigKey<Integer> LAYER = ConfigKey.of("layer", ConfigType.INT, "steering layer (0 = embeddings .. numLayers = last block)")
            .withDefault(3).validatedBy(n -> n >= 0 && n <= 1000, "be within 0..1000");
    static final ConfigKey<String> ANSWER_TYPE = ConfigKey.of("answer-type", ConfigType.STRING,
            "answer type of the goal: yes/no, number, colour, other or caption (evaluate: default from the vector)");
    static final ConfigKey<String> SOURCE = ConfigKey.of("source", ConfigType.STRING, "the word to move away from (e.g. yes)");
    static final ConfigKey<String> TARGET = ConfigKey.of("target", ConfigType.STRING, "the word to move to (e.g. no)");
    static final ConfigKey<List<String>> SCOPE = ConfigKey.of("scope", ConfigType.STRING_LIST,
            "label=value pairs a probe must have to be in the goal's scope (e.g. profession=doctor,gender=man)").withDefault(List.of())
            .validatedBy(l -> l.stream().allMatch(s -> s.matches("[^=]+=[^=]+")), "be label=value pairs");
    static final ConfigKey<List<String>> STATE_SCOPE = ConfigKey.of("state-scope", ConfigType.STRING_LIST,
            "with --reference: label=value pairs of the probes whose states are averaged (default: the goal's scope)")
            .validatedBy(l -> l.stream().allMatch(s -> s.matches("[^=]+=[^=]+")), "be label=value pairs");
    static final ConfigKey<List<String>> AT = ConfigKey.of("at", ConfigType.STRING_LIST,
            "with --reference: the words whose predicting states are compared (default: source and target)");
    static final ConfigKey<String> KIND = ConfigKey.of("kind", ConfigType.STRING, "coarse or fine").withDefault("coarse")
            .validatedBy(s -> s.equals("coarse") || s.equals("fine"), "be coarse or fine");
    static final ConfigKey<String> RANGE = ConfigKey.of("range", ConfigType.STRING, "token range: ALL, GENERATED_ONLY, FROM_LAST_PROMPT")
            .withDefault("FROM_LAST_PROMPT").validatedBy(s -> List.of("ALL", "GENERATED_ONLY", "FROM_LAST_PROMPT")
                    .contains(s.toUpperCase(Locale.ROOT)), "be ALL, GENERATED_ONLY or FROM_LAST_PROMPT");
    static final ConfigKey<Path> OUT = ConfigKey.of("out", ConfigType.PATH, "steering vector JSON file to write");
    static final ConfigKey<Path> VECTOR = ConfigKey.of("vector", ConfigType.PATH, "steering vector JSON file to read (or --id with --db)");
    static final ConfigKey<String> ID = ConfigKey.of("id", ConfigType.STRING, "steering vector id in the database (with --db)");
    static final ConfigKey<Boolean> DB = ConfigKey.of("db", ConfigType.BOOLEAN,
            "also store/load the vector in PostgreSQL (SHIFTWATCH_DB_URL/USER/PASSWORD)").withDefault(false);
    static final ConfigKey<String> RUN_ID = ConfigKey.of("run-id", ConfigType.STRING, "the run the vector remedies (must be in the database with --db)");
    static final ConfigKey<String> NAME = ConfigKey.of("name", ConfigType.STRING, "vector name (default: source->target@layer)");
    static final ConfigKey<List<Double>> ALPHAS = ConfigKey.of("alphas", NUMBERS, "alphas of the sweep, ascending")
            .withDefault(AlphaSweep.DEFAULT_ALPHAS).validatedBy(l -> !l.isEmpty(), "name at least one alpha");
    static final ConfigKey<Double> TOLERANCE = ConfigKey.of("tolerance", NUMBER,
            "allowed accuracy change of the other answer types, in points").withDefault(AlphaSweep.DEFAULT_TOLERANCE_POINTS)
            .validatedBy(t -> t >= 0, "be >= 0");
    static final ConfigKey<Double> ALPHA = ConfigKey.of("alpha", NUMBER, "apply: scale (default: the vector's stored alpha)");
    static final ConfigKey<Integer> MAX_NEW_TOKENS = ConfigKey.of("max-new-tokens", ConfigType.INT, "generation limit per probe")
            .withDefault(24).validatedBy(n -> n >= 1 && n <= 1024, "be within 1..1024");
    static final ConfigKey<Integer> BATCH = ConfigKey.of("batch-size", ConfigType.INT, "probes per forward pass")
            .withDefault(32).validatedBy(n -> n >= 1 && n <= 4096, "be within 1..4096");
    static final ConfigKey<Integer> LIMIT = ConfigKey.of("limit", ConfigType.INT, "use only the first N probes (0 = all)")
            .withDefault(0).validatedBy(n -> n >= 0, "be >= 0");
    static final ConfigKey<Long> SEED = ConfigKey.of("seed", ConfigType.LONG, "seed of K-Means and the probe split").withDefault(42L);
    static final ConfigKey<Integer> K = ConfigKey.of("k", ConfigType.INT, "fine: concepts in the dictionary").withDefault(8)
            .validatedBy(n -> n >= 2 && n <= 512, "be within 2..512");
    static final ConfigKey<Integer> CANDIDATES = ConfigKey.of("candidates", ConfigType.INT,
            "fine: concepts tried on each side of the pair search").withDefault(3).validatedBy(n -> n >= 1 && n <= 64, "be within 1..64");

    static final ConfigSchema RUN = ConfigSchema.of(MODEL, PROBE, MAX_NEW_TOKENS, BATCH, LIMIT, DB, SEED);
    static final ConfigSchema GOAL = ConfigSchema.of(ANSWER_TYPE, SOURCE, TARGET, SCOPE);
    static final ConfigSchema COMPUTE = RUN.plus(REFERENCE, LAYER, ANSWER_TYPE, SOURCE, TARGET, SCOPE, STATE_SCOPE, AT, KIND, RANGE, OUT,
            RUN_ID, NAME, K, CANDIDATES);
    static final ConfigSchema EVALUATE = RUN.plus(VECTOR, ID, ANSWER_TYPE, SOURCE, TARGET, SCOPE, ALPHAS, TOLERANCE, OUT);
    static final ConfigSchema APPLY = RUN.plus(VECTOR, ID, ALPHA);

    private SteerKeys() {
    }

    static Steering.TokenRange range(String text) {
        return Steering.TokenRange.valueOf(text.toUpperCase(Locale.ROOT));
    }

    static Map<String, String> scope(List<String> pairs) {
        Map<String, String> m = new HashMap<>();
        for (String p : pairs) m.put(p.substring(0, p.indexOf('=')).trim(), p.substring(p.indexOf('=') + 1).trim());
        return m;
    }

    private static double parseNumber(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a finite number");
        }
    }
}
