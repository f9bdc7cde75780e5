package io.shiftwatch.ingest;

import java.util.List;

/**
 * Keys that describe the event a CLI command publishes ({@code watch}, {@code publish}): the run,
 * base model, probe set and what to analyse. {@link #template} turns them into the fixed part of a
 * {@link CheckpointEvent}; the step and checkpoint come per folder or per call.
 */
public final class EventTemplateSettings {
    public static final ConfigKey<String> RUN_ID = ConfigKey.of("run.id", ConfigType.STRING, "run the checkpoints belong to").asRequired();
    public static final ConfigKey<String> BASE_ID = ConfigKey.of("base.id", ConfigType.STRING, "base model id").asRequired();
    public static final ConfigKey<String> BASE_URI = ConfigKey.of("base.uri", ConfigType.STRING, "base model URI or path").asRequired();
    public static final ConfigKey<String> BASE_FORMAT = ConfigKey.of("base.format", ConfigType.STRING,
            "base model format: " + ModelFormat.wireNames()).asRequired()
            .validatedBy(f -> ModelFormat.wireNames().contains(f), "be one of " + ModelFormat.wireNames());
    public static final ConfigKey<String> PROBE_SET_ID = ConfigKey.of("probe-set.id", ConfigType.STRING, "probe set id").asRequired();
    public static final ConfigKey<String> PROBE_SET_URI = ConfigKey.of("probe-set.uri", ConfigType.STRING, "probe set URI");
    public static final ConfigKey<List<String>> TARGETS = ConfigKey.of("targets", ConfigType.STRING_LIST,
            "target tokens to analyse, comma-separated (default: the analyzer's)").withDefault(List.of());
    public static final ConfigKey<List<String>> LAYERS = ConfigKey.of("layers", ConfigType.STRING_LIST,
                    "layers to analyse, comma-separated ints, -1 = final norm (default: the analyzer's)")
            .withDefault(List.of()).validatedBy(l -> l.stream().allMatch(s -> s.matches("-1|\\d{1,4}")), "be integers >= -1");

    public static final ConfigSchema SCHEMA = ConfigSchema.of(RUN_ID, BASE_ID, BASE_URI, BASE_FORMAT, PROBE_SET_ID,
            PROBE_SET_URI, TARGETS, LAYERS);

    private EventTemplateSettings() {
    }

    /** The fixed part of every event a command publishes. */
    public record Template(String runId, CheckpointEvent.BaseModel baseModel, CheckpointEvent.ProbeSet probeSet,
                           List<String> targets, List<Integer> layers) {
        public Template {
            targets = List.copyOf(targets);
            layers = List.copyOf(layers);
        }
    }

    public static Template template(Config config) {
        return new Template(config.get(RUN_ID),
                new CheckpointEvent.BaseModel(config.get(BASE_ID), config.get(BASE_URI),
                        ModelFormat.parse(config.get(BASE_FORMAT), "baseModel.format")),
                new CheckpointEvent.ProbeSet(config.get(PROBE_SET_ID), config.optional(PROBE_SET_URI).orElse(null)),
                config.get(TARGETS), config.get(LAYERS).stream().map(Integer::valueOf).toList());
    }
}
