package io.shiftwatch.testbed.training;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingOptions;
import io.shiftwatch.models.TrainingStepResult;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.QuestionMix;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.TextStyle;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train-base}: trains the testbed VLM from scratch on the BASE distribution (captions + VQA),
 * scores it on the held-out split ({@link EvalReport}) and writes the checkpoint {@code OUT/base}
 * (evaluation in its manifest's training map) plus {@code OUT/base-eval.json}.
 */
public final class BaseTraining {
    public static final String USAGE = "train-base --out DIR [--seed 1] [--steps 8000] [--batch 32] [--lr 0.0015] "
            + "[--d-model 128] [--layers 4] [--image-size 48] [--patch-grid 3] [--caption-fraction 0.3] [--image-encoder patch-mlp|conv-stem|patch-window] "
            + "[--prompt-attention causal|prefix] "
            + "[--question-mix uniform|type=w,...] [--task-batches true|false] [--loss-weighting token|example] [--threads 1] [--eval-captions 300] [--eval-questions 1500]";
    public static final String MODEL_ID = "testbed-vlm";

    private BaseTraining() {
    }

    /** The model config of a base run: defaults with the configured width, depth and image encoder (causal attention). */
    public static TestbedModelConfig modelConfig(int hidden, int layers, ImageEncoder encoder) {
        return modelConfig(hidden, layers, encoder, PromptAttention.CAUSAL);
    }

    /** The model config of a base run: defaults with the configured width, depth, image encoder and attention. */
    public static TestbedModelConfig modelConfig(int hidden, int layers, ImageEncoder encoder, PromptAttention attention) {
        return modelConfig(hidden, TestbedModelConfig.defaults(MODEL_ID).numHeads(), layers, encoder, attention);
    }

    /** As {@link #modelConfig(int, int, ImageEncoder, PromptAttention)} with {@code heads} attention heads per layer. */
    public static TestbedModelConfig modelConfig(int hidden, int heads, int layers, ImageEncoder encoder, PromptAttention attention) {
        TestbedModelConfig d = TestbedModelConfig.defaults(MODEL_ID);
        return new TestbedModelConfig(MODEL_ID, d.imageSize(), d.prefixTokens(), hidden, layers, heads, d.mlpRatio(),
                d.maxTextTokens(), encoder, attention);
    }

    /**
     * The model config of a base run as configured (width, depth, encoder, attention, image size and patch grid);
     * throws IllegalArgumentException naming the problem when the image size is not divisible by the grid.
     */
    public static TestbedModelConfig modelConfig(Config config) {
        int hidden = config.get(TrainingKeys.HIDDEN), heads = config.get(TrainingKeys.HEADS);
        if (hidden % heads != 0)
            throw new IllegalArgumentException("--d-model " + hidden + " is not divisible by --heads " + heads
                    + "; each head reads d-model / heads dimensions");
        return modelConfig(hidden, heads, config.get(TrainingKeys.LAYERS), config.get(TrainingKeys.IMAGE_ENCODER),
                config.get(TrainingKeys.PROMPT_ATTENTION)).withImage(config.get(TrainingKeys.IMAGE_SIZE), config.get(TrainingKeys.PATCH_GRID));
    }

    /** The training batches of a base run as configured (caption fraction, question mix, task batches). */
    public static ExampleBatches batches(Config config, int imageSize, WordVocabulary vocab) {
        long seed = config.get(TrainingKeys.SEED);
        double captions = config.get(TrainingKeys.CAPTION_FRACTION);
        QuestionMix mix = config.get(TrainingKeys.QUESTION_MIX);
        int batch = config.get(TrainingKeys.BATCH);
        if (!config.get(TrainingKeys.TASK_BATCHES))
            return new ExampleBatches(new TrainingExamples(new Scenario.Base(), seed, Split.TRAIN, imageSize, captions, mix),
                    null, 0, batch, vocab);
        return ExampleBatches.byTask(new TrainingExamples(new Scenario.Base(), seed, Split.TRAIN, imageSize, 1.0, mix),
                new TrainingExamples(new Scenario.Base(), seed, Split.TRAIN, imageSize, 0.0, mix), captions, batch, vocab);
    }

    /** Optimiser schedule of a run of {@code steps} updates peaking at {@code lr}. */
    public static TrainingOptions options(int steps, double lr) {
        return options(steps, lr, TrainingOptions.LossWeighting.TOKEN);
    }

    /** As {@link #options(int, double)} with the given loss weighting. */
    public static TrainingOptions options(int steps, double lr, TrainingOptions.LossWeighting weighting) {
        return options(steps, lr, weighting, 0.0);
    }

    /** As {@link #options(int, double)} with the given loss weighting and patch-word weight (0 = off). */
    public static TrainingOptions options(int steps, double lr, TrainingOptions.LossWeighting weighting, double patchWords) {
        return new TrainingOptions(lr, Math.max(1, steps / 20), steps, 0.05, 0.0, 1.0, weighting, patchWords);
    }

    /**
     * Runs {@code steps} updates on {@code batches}, reporting to {@code progress}; returns the last step. The batches
     * carry patch words, which count only when the trainer's options weigh them ({@code --patch-words}).
     */
    public static TrainingStepResult train(TestbedTrainer trainer, ExampleBatches batches, int steps, ProgressBar progress) {
        TrainingStepResult last = null;
        int grid = trainer.config().patchGrid();
        for (int s = 0; s < steps; s++) {
            last = trainer.step(batches.batchWithPatchWords(s, grid));
            if (progress != null) progress.update(last);
        }
        return last;
    }

    public static void run(Config config) throws IOException {
        Path out = config.get(TrainingKeys.OUT);
        long seed = config.get(TrainingKeys.SEED);
        int steps = config.get(TrainingKeys.BASE_STEPS), batch = config.get(TrainingKeys.BATCH);
        TestbedModelConfig model = modelConfig(config);
        WordVocabulary vocab = WordVocabulary.of(WorldLexicon.words());
        var batches = batches(config, model.imageSize(), vocab);
        Path target = out.resolve("base");
        if (Files.exists(target)) throw new IllegalArgumentException(target + " already exists; choose another --out or remove it");
        Files.createDirectories(out);
        int threads = TestbedModels.useComputeThreads(config.get(TrainingKeys.THREADS));
        long start = System.nanoTime();
        System.err.printf(Locale.ROOT, "train-base: %s, %d steps x batch %d, lr %s, seed %d, captions %s, questions %s, "
                + "task batches %s, loss weighting %s, patch words %s, %d compute thread(s)%n", model, steps, batch,
                config.get(TrainingKeys.BASE_LR), seed, config.get(TrainingKeys.CAPTION_FRACTION), config.get(TrainingKeys.QUESTION_MIX),
                config.get(TrainingKeys.TASK_BATCHES), config.get(TrainingKeys.LOSS_WEIGHTING).word(),
                config.get(TrainingKeys.PATCH_WORDS), threads);
        double patchWords = config.get(TrainingKeys.PATCH_WORDS);
        try (TestbedTrainer trainer = TestbedModels.create(model, vocab, seed,
                options(steps, config.get(TrainingKeys.BASE_LR), config.get(TrainingKeys.LOSS_WEIGHTING), patchWords))) {
            ProgressBar progress = ProgressBar.onStderr(steps);
            TrainingStepResult last = train(trainer, batches, steps, progress);
            Duration trainTime = Duration.ofNanos(System.nanoTime() - start);
            EvalReport report = evaluate(trainer, config, model.imageSize(), out);
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            Map<String, String> meta = new TreeMap<>(report.asMetadata());
            meta.putAll(Map.of("scenario", "base", "steps", Integer.toString(steps), "batch", Integer.toString(batch),
                    "seed", Long.toString(seed), "loss", String.format(Locale.ROOT, "%.5f", progress.smoothedLoss()),
                    "lr", Double.toString(config.get(TrainingKeys.BASE_LR)),
                    "trainSeconds", Long.toString(trainTime.toSeconds()), "totalSeconds", Long.toString(total.toSeconds())));
            meta.putAll(Map.of("imageEncoder", model.imageEncoder().word(), "promptAttention", model.promptAttention().word(), "questionMix", config.get(TrainingKeys.QUESTION_MIX).toString(),
                    "captionFraction", Double.toString(config.get(TrainingKeys.CAPTION_FRACTION)),
                    "taskBatches", Boolean.toString(config.get(TrainingKeys.TASK_BATCHES)), "computeThreads", Integer.toString(threads),
                    "lossWeighting", config.get(TrainingKeys.LOSS_WEIGHTING).word(),
                    "patchWords", Double.toString(config.get(TrainingKeys.PATCH_WORDS))));
            ModelInfo info = trainer.save(target, meta);
            writeJson(out.resolve("base-eval.json"), meta);
            System.out.println("base model " + info.contentHash() + " -> " + target + "\n" + report
                    + String.format(Locale.ROOT, "%ntrain %ds, total %ds, last loss %.4f", trainTime.toSeconds(),
                    total.toSeconds(), last.loss()) + (report.meets(0.95, 0.90) ? "" : "\nBELOW TARGET (caption 0.95, vqa 0.90)"));
        }
    }

    /** Scores the trained model on the held-out split; writes OUT/eval-details.tsv and prints accuracy per question type. */
    private static EvalReport evaluate(TestbedTrainer trainer, Config config, int imageSize, Path out) throws IOException {
        System.err.println("train-base: evaluating on the held-out split ...");
        HeldOut heldOut = HeldOut.of(new Scenario.Base(), config.get(TrainingKeys.SEED), imageSize,
                config.get(TrainingKeys.EVAL_CAPTIONS), config.get(TrainingKeys.EVAL_QUESTIONS));
        List<Generated> generated;
        try (var adapter = trainer.adapter(AdapterOptions.defaults().withBatchSize(64))) {
            generated = heldOut.generate(adapter);
        }
        EvalDetails.write(out.resolve("eval-details.tsv"), generated, TextStyle.BASE);
        System.err.print("train-base: held-out accuracy per question type (caption = exact captions):\n"
                + EvalDetails.summary(EvalDetails.byKind(generated, TextStyle.BASE)));
        return EvalReport.of(generated, TextStyle.BASE);
    }

    /** Writes a flat string map as pretty JSON, atomically (temp file then move). */
    static void writeJson(Path file, Map<String, ?> values) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(values)));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
