package io.shiftwatch.testbed.training;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.TrainingOptions.LossWeighting;
import io.shiftwatch.testbed.scenario.QuestionMix;
import java.nio.file.Path;

/**
 * Configuration keys of {@code train-base} and {@code finetune}, each defined once (flag
 * {@code --name}, environment {@code SHIFTWATCH_NAME}, config file {@code name}).
 */
public final class TrainingKeys {
    /** Decimal numbers ("0.001", "2e-3"). */
    public static final ConfigType<Double> DOUBLE = new ConfigType<>("double", TrainingKeys::parseDouble, String::valueOf);

    /** An image encoder by name ("patch-mlp", "conv-stem", "patch-window"). */
    public static final ConfigType<ImageEncoder> ENCODER = new ConfigType<>("encoder", ImageEncoder::of, ImageEncoder::word);
    /** An attention pattern by name ("causal", "prefix"). */
    public static final ConfigType<PromptAttention> ATTENTION = new ConfigType<>("prompt-attention", PromptAttention::of,
            PromptAttention::word);
    /** A question mix ("uniform" or "how_many=3,what_colour=2"). */
    public static final ConfigType<QuestionMix> MIX = new ConfigType<>("question-mix", QuestionMix::parse, QuestionMix::toString);

    /** A loss weighting by name ("token", "example"). */
    public static final ConfigType<LossWeighting> WEIGHTING = new ConfigType<>("loss-weighting", LossWeighting::of, LossWeighting::word);

    public static final ConfigKey<Path> OUT = ConfigKey.of("out", ConfigType.PATH, "output folder").asRequired();
    public static final ConfigKey<Long> SEED = ConfigKey.of("seed", ConfigType.LONG, "seed of weights and data streams").withDefault(1L);
    public static final ConfigKey<Integer> BATCH = ConfigKey.of("batch", ConfigType.INT, "examples per update")
            .withDefault(32).validatedBy(v -> v >= 1 && v <= 1024, "be within 1..1024");
    /**
     * 8000: presence, counting and the lookup of an object by its shape word are learned late — at 4000 steps
     * is_there_shape 0.56 and how_many 0.85 (session 6), what_colour 0.76 even once captions had trained the lookup
     * (session 7); at 8000 steps 0.98-1.00, 0.99 and 0.99; ~13 minutes for train-base with no flags (issue 3 allows 15;
     * BENCHMARKS.md).
     */
    public static final ConfigKey<Integer> BASE_STEPS = ConfigKey.of("steps", ConfigType.INT, "optimiser updates")
            .withDefault(8000).validatedBy(v -> v >= 1, "be >= 1");
    public static final ConfigKey<Double> BASE_LR = ConfigKey.of("lr", DOUBLE, "peak learning rate (warm-up 5%, cosine to 5%)")
            .withDefault(1.5e-3).validatedBy(v -> v > 0 && v < 1, "be in (0, 1)");
    public static final ConfigKey<Integer> HIDDEN = ConfigKey.of("d-model", ConfigType.INT, "residual width D")
            .withDefault(128).validatedBy(v -> v >= 8, "be >= 8");
    public static final ConfigKey<Integer> HEADS = ConfigKey.of("heads", ConfigType.INT, "attention heads per layer (d-model divisible by it)")
            .withDefault(4).validatedBy(v -> v >= 1 && v <= 64, "be within 1..64");
    public static final ConfigKey<Integer> LAYERS = ConfigKey.of("layers", ConfigType.INT, "decoder blocks")
            .withDefault(4).validatedBy(v -> v >= 1 && v <= 24, "be within 1..24");
    public static final ConfigKey<Double> CAPTION_FRACTION = ConfigKey.of("caption-fraction", DOUBLE,
            "share of caption examples (rest VQA)").withDefault(0.3).validatedBy(v -> v >= 0 && v <= 1, "be in [0, 1]");
    public static final ConfigKey<ImageEncoder> IMAGE_ENCODER = ConfigKey.of("image-encoder", ENCODER,
            "patch-mlp (each patch alone), conv-stem (convolutions see across patch borders) or patch-window (each cell reads its 3x3-patch neighbourhood)").withDefault(ImageEncoder.PATCH_MLP);
    public static final ConfigKey<PromptAttention> PROMPT_ATTENTION = ConfigKey.of("prompt-attention", ATTENTION,
            "causal (every position sees only earlier ones) or prefix (image and prompt up to <sep> see one another; the "
                    + "answer stays causal)").withDefault(PromptAttention.CAUSAL);
    /**
     * Presence, counting and colour questions weighted up: at 4000 steps is_there_colour 0.67 -> 0.98, how_many
     * 0.38 -> 0.65, yes/no 0.785 -> 0.883, captions 0.948 -> 0.959 against the uniform mix (BENCHMARKS.md).
     */
    public static final ConfigKey<QuestionMix> QUESTION_MIX = ConfigKey.of("question-mix", MIX,
            "question-type weights of the training stream: uniform or type=weight,... (others 1)")
            .withDefault(QuestionMix.parse("is_there_shape=3,is_there_colour=3,how_many=3,what_colour=2"));
    public static final ConfigKey<Boolean> TASK_BATCHES = ConfigKey.of("task-batches", ConfigType.BOOLEAN,
            "each batch all captions or all questions (shorter padding, faster steps)").withDefault(false);
    public static final ConfigKey<LossWeighting> LOSS_WEIGHTING = ConfigKey.of("loss-weighting", WEIGHTING,
            "token (every answer token weighs the same) or example (every example weighs the same)").withDefault(LossWeighting.TOKEN);
    /**
     * 1: with shape-first captions, 8000 steps give captions 0.998, yes/no 0.983, number 0.990, colour 0.990, other
     * 0.905 (session 7 in BENCHMARKS.md); at 4000 steps the patch words lifted is_there_shape 0.50 -> 0.98 in one run.
     */
    public static final ConfigKey<Double> PATCH_WORDS = ConfigKey.of("patch-words", DOUBLE,
            "weight of the patch-word loss: each image patch that holds an object predicts the object's shape word "
                    + "(0 = off)").withDefault(1.0).validatedBy(v -> v >= 0 && v <= 100, "be within 0..100");
    public static final ConfigKey<Integer> THREADS = ConfigKey.of("threads", ConfigType.INT,
            "PyTorch compute threads (0 = one per core; 1 is faster on a loaded shared machine)").withDefault(1)
            .validatedBy(v -> v >= 0 && v <= 256, "be within 0..256");
    public static final ConfigKey<Integer> EVAL_CAPTIONS = ConfigKey.of("eval-captions", ConfigType.INT,
            "held-out captions scored").withDefault(300).validatedBy(v -> v >= 0, "be >= 0");
    public static final ConfigKey<Integer> EVAL_QUESTIONS = ConfigKey.of("eval-questions", ConfigType.INT,
            "held-out VQA questions scored").withDefault(1500).validatedBy(v -> v >= 0, "be >= 0");

    /**
     * 48 px cut 3 x 3: each of the world's five positions (left, right, top, bottom, centre) lies inside one 16 px
     * patch, where a 4 x 4 grid cut every object in two or four. Against 32 px / 4 x 4 on the balanced held-out set
     * (session 6, 4000 steps): captions 0.984 vs 0.927, counting 0.85 vs 0.53, 404 vs 445 CPU-s (BENCHMARKS.md).
     */
    public static final ConfigKey<Integer> IMAGE_SIZE = ConfigKey.of("image-size", ConfigType.INT,
            "side of the square images in pixels (the world scales with it; divisible by --patch-grid)").withDefault(48)
            .validatedBy(v -> v >= 16 && v <= 256, "be within 16..256");
    public static final ConfigKey<Integer> PATCH_GRID = ConfigKey.of("patch-grid", ConfigType.INT,
            "patches per image side: the image becomes grid x grid prefix tokens").withDefault(3)
            .validatedBy(v -> v >= 1 && v <= 16, "be within 1..16");

    public static final ConfigSchema TRAIN_BASE = ConfigSchema.of(OUT, SEED, BATCH, BASE_STEPS, BASE_LR, HIDDEN, HEADS, LAYERS,
            CAPTION_FRACTION, IMAGE_ENCODER, PROMPT_ATTENTION, IMAGE_SIZE, PATCH_GRID, QUESTION_MIX, TASK_BATCHES, LOSS_WEIGHTING, PATCH_WORDS, THREADS, EVAL_CAPTIONS, EVAL_QUESTIONS);

    private TrainingKeys() {
    }

    private static double parseDouble(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) throw new IllegalArgumentException("must be a finite number, got '" + text + "'");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal number, got '" + text + "'");
        }
    }
}
