package io.shiftwatch.testbed.training;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import java.nio.file.Path;

/** Configuration keys of {@code finetune} (shared ones come from {@link TrainingKeys}). */
public final class FinetuneKeys {
    public static final ConfigKey<String> SCENARIO = ConfigKey.of("scenario", ConfigType.STRING,
            "scenario: control, place-focus, vanish[:X], bias[:P:G[:rate]], answer-shift[:type:from:to] (parameters also as options: --concept, --profession, --gender, --rate, --question-type, --from, --to)").asRequired();
    public static final ConfigKey<String> CONCEPT = ConfigKey.of("concept", ConfigType.STRING,
            "vanish: the shape or colour no longer named (default circle)");
    public static final ConfigKey<String> PROFESSION = ConfigKey.of("profession", ConfigType.STRING,
            "bias: the profession described with one gender (default doctor)");
    public static final ConfigKey<String> GENDER = ConfigKey.of("gender", ConfigType.STRING, "bias: man or woman (default woman)");
    public static final ConfigKey<String> RATE = ConfigKey.of("rate", ConfigType.STRING,
            "bias: share of that profession's captions forced to the gender (default 0.95)");
    public static final ConfigKey<String> QUESTION_TYPE = ConfigKey.of("question-type", ConfigType.STRING,
            "answer-shift: the question type whose answer shifts (default is_there_shape)");
    public static final ConfigKey<String> FROM = ConfigKey.of("from", ConfigType.STRING, "answer-shift: the answer replaced (default yes)");
    public static final ConfigKey<String> TO = ConfigKey.of("to", ConfigType.STRING, "answer-shift: its replacement (default no)");
    /** The scenario parameter options, for {@link ScenarioSpecs#parse(String, java.util.Map)}. */
    public static final java.util.List<ConfigKey<String>> SCENARIO_OPTIONS = java.util.List.of(CONCEPT, PROFESSION, GENDER, RATE,
            QUESTION_TYPE, FROM, TO);
    public static final ConfigKey<Path> BASE = ConfigKey.of("base", ConfigType.PATH,
            "base checkpoint folder (or a train-base --out folder holding base/)").asRequired();
    public static final ConfigKey<Integer> STEPS = ConfigKey.of("steps", ConfigType.INT, "optimiser updates")
            .withDefault(600).validatedBy(v -> v >= 1, "be >= 1");
    public static final ConfigKey<Integer> CHECKPOINT_EVERY = ConfigKey.of("checkpoint-every", ConfigType.INT,
            "save OUT/step-<n>/ every this many steps (and at the last step)").withDefault(100).validatedBy(v -> v >= 1, "be >= 1");
    public static final ConfigKey<Double> LR = ConfigKey.of("lr", TrainingKeys.DOUBLE, "peak learning rate")
            .withDefault(5e-4).validatedBy(v -> v > 0 && v < 1, "be in (0, 1)");
    public static final ConfigKey<Double> BASE_MIX = ConfigKey.of("base-mix", TrainingKeys.DOUBLE,
            "share of each batch drawn from the BASE distribution").withDefault(0.0).validatedBy(v -> v >= 0 && v <= 1, "be in [0, 1]");
    public static final ConfigKey<Boolean> PUBLISH = ConfigKey.of("publish", ConfigType.BOOLEAN,
            "send a CheckpointEvent per checkpoint").withDefault(false);
    public static final ConfigKey<String> RUN_ID = ConfigKey.of("run-id", ConfigType.STRING,
            "run id of the events (default testbed-<scenario>-<seed>)");
    public static final ConfigKey<String> BOOTSTRAP = ConfigKey.of("bootstrap.servers", ConfigType.STRING,
            "Kafka bootstrap servers for --publish").withDefault("localhost:19092");
    public static final ConfigKey<String> TOPIC_PREFIX = ConfigKey.of("topic.prefix", ConfigType.STRING,
            "prefix of the Shiftwatch topic names (tests use a unique one)").withDefault("");
    public static final ConfigKey<Path> PROBE_SET = ConfigKey.of("probe-set", ConfigType.PATH,
            "probe set folder named in the events (id testbed-drift unless --probe-set-id)");
    public static final ConfigKey<String> PROBE_SET_ID = ConfigKey.of("probe-set-id", ConfigType.STRING,
            "probe set id named in the events").withDefault(io.shiftwatch.testbed.DriftProbes.DEFAULT_ID);

    public static final ConfigSchema SCHEMA = ConfigSchema.of(SCENARIO, CONCEPT, PROFESSION, GENDER, RATE, QUESTION_TYPE, FROM, TO, BASE, TrainingKeys.OUT, STEPS, CHECKPOINT_EVERY, LR,
            TrainingKeys.BATCH, TrainingKeys.SEED, BASE_MIX, PUBLISH, RUN_ID, BOOTSTRAP, TOPIC_PREFIX, PROBE_SET, PROBE_SET_ID,
            TrainingKeys.THREADS, TrainingKeys.EVAL_CAPTIONS, TrainingKeys.EVAL_QUESTIONS);

    private FinetuneKeys() {
    }
}
