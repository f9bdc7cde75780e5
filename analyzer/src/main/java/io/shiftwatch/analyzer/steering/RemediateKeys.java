package io.shiftwatch.analyzer.steering;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;

import java.nio.file.Path;
import java.util.List;

/** Keys of {@code steer remediate} (besides shared ones of {@link SteerKeys}). */
final class RemediateKeys {
    static final ConfigKey<String> RUN = ConfigKey.of("run", ConfigType.STRING, "the run whose findings are remedied").asRequired();
    static final ConfigKey<List<String>> TYPES = ConfigKey.of("types", ConfigType.STRING_LIST,
            "finding types to remedy (BIAS_ABSORBING; VANISHING is listed but not remedied yet)").withDefault(List.of("BIAS_ABSORBING"))
            .validatedBy(l -> !l.isEmpty() && l.stream().allMatch(t -> t.equals("BIAS_ABSORBING") || t.equals("VANISHING")),
                    "name BIAS_ABSORBING and/or VANISHING");
    static final ConfigKey<Integer> LAYER = ConfigKey.of("layer", ConfigType.INT, "steering layer (-1 = the model's last block)")
            .withDefault(-1).validatedBy(n -> n >= -1 && n <= 1000, "be within -1..1000");
    static final ConfigKey<List<Double>> ALPHAS = ConfigKey.of("alphas", SteerKeys.NUMBERS, "alphas tried on the search half, ascending")
            .withDefault(List.of(0.5, 1.0, 2.0)).validatedBy(l -> !l.isEmpty(), "name at least one alpha");
    static final ConfigKey<Integer> MAX_NEW_TOKENS = ConfigKey.of("max-new-tokens", ConfigType.INT, "generation limit per probe")
            .withDefault(40).validatedBy(n -> n >= 1 && n <= 1024, "be within 1..1024");
    static final ConfigKey<Integer> MAX_SCOPE = ConfigKey.of("max-scope", ConfigType.INT,
            "probes showing the finding's target word used (first N)").withDefault(120).validatedBy(n -> n >= 2, "be >= 2");
    static final ConfigKey<Integer> MAX_OTHER = ConfigKey.of("max-other", ConfigType.INT,
            "other probes used to measure collateral changes (first N)").withDefault(60).validatedBy(n -> n >= 0, "be >= 0");
    static final ConfigKey<Path> WAIT_FOR = ConfigKey.of("wait-for", ConfigType.PATH,
            "first wait until this file exists (e.g. the run's ground-truth.json), then until every checkpoint is analysed");
    static final ConfigKey<Integer> WAIT_MINUTES = ConfigKey.of("wait-minutes", ConfigType.INT, "give up waiting after this long")
            .withDefault(240).validatedBy(n -> n >= 0, "be >= 0");
    static final ConfigKey<Integer> SETTLE_SECONDS = ConfigKey.of("settle-seconds", ConfigType.INT,
            "after the last analysis, wait this long for the auditor's findings").withDefault(60).validatedBy(n -> n >= 0, "be >= 0");

    static final ConfigSchema SCHEMA = ConfigSchema.of(RUN, SteerKeys.PROBE, TYPES, LAYER, SteerKeys.RANGE, ALPHAS, MAX_NEW_TOKENS,
            SteerKeys.BATCH, SteerKeys.SEED, MAX_SCOPE, MAX_OTHER, WAIT_FOR, WAIT_MINUTES, SETTLE_SECONDS);

    private RemediateKeys() {
    }
}
