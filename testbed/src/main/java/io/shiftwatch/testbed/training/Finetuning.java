package io.shiftwatch.testbed.training;

import io.shiftwatch.ingest.CheckpointEventValidator;
import io.shiftwatch.ingest.CheckpointPublisher;
import io.shiftwatch.ingest.CheckpointRoots;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.TrainingStepResult;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code finetune}: continues training a base checkpoint on a scenario's distribution (optionally
 * blended with BASE examples, {@code --base-mix}), saves {@code OUT/step-<n>/} every K steps and at
 * the last step, publishes one CheckpointEvent per checkpoint with {@code --publish}, and writes
 * {@code OUT/ground-truth.json} with the planted effect measured on held-out data before and after.
 */
public final class Finetuning {
    public static final String USAGE = "finetune --scenario SPEC [--concept X | --profession P --gender G [--rate R] | [--question-type T] --from A --to B] "
            + "--base DIR --out DIR [--steps 600] [--checkpoint-every 100] "
            + "[--lr 0.0005] [--batch 32] [--seed 1] [--base-mix 0] [--publish] [--run-id R] [--bootstrap-servers H:P] "
            + "[--topic-prefix P] [--probe-set DIR] [--probe-set-id drift-v1] [--threads 1]";

    private Finetuning() {
    }

    /** What a finished run produced. */
    public record Outcome(List<Path> checkpoints, RunReport report) {
    }

    public static void run(Config config) throws Exception {
        System.err.println("finetune: " + TestbedModels.useComputeThreads(config.get(TrainingKeys.THREADS)) + " compute thread(s)");
        Outcome outcome = finetune(config);
        System.out.println("finetune: " + outcome.checkpoints().size() + " checkpoints; " + outcome.report().summary());
    }

    public static Outcome finetune(Config config) throws Exception {
        Run run = Run.of(config);
        Files.createDirectories(run.out());
        long start = System.nanoTime();
        try (TestbedTrainer trainer = TestbedModels.finetune(run.baseDir(), BaseTraining.options(run.steps(), config.get(FinetuneKeys.LR)));
             CheckpointPublisher publisher = config.get(FinetuneKeys.PUBLISH) ? publisher(config, run.out(), run.baseDir()) : null) {
            int imageSize = trainer.config().imageSize();
            HeldOut heldOut = HeldOut.of(new Scenario.Base(), run.seed(), imageSize, config.get(TrainingKeys.EVAL_CAPTIONS),
                    config.get(TrainingKeys.EVAL_QUESTIONS));
            ModelInfo baseInfo;
            RunReport.Snapshot before;
            try (var adapter = trainer.adapter(AdapterOptions.defaults().withBatchSize(64))) {
                baseInfo = adapter.info();
                before = RunReport.Snapshot.of(run.scenario(), heldOut.generate(adapter));
            }
            System.err.println("finetune " + run.runId() + ": before " + before.effect());
            var batches = new ExampleBatches(new TrainingExamples(run.scenario(), run.seed(), Split.TRAIN, imageSize, 0.5),
                    new TrainingExamples(new Scenario.Base(), run.seed(), Split.TRAIN, imageSize, 0.5),
                    config.get(FinetuneKeys.BASE_MIX), config.get(TrainingKeys.BATCH), trainer.vocabulary());
            ProgressBar progress = ProgressBar.onStderr(run.steps());
            List<Path> checkpoints = new ArrayList<>();
            for (int s = 0; s < run.steps(); s++) {
                TrainingStepResult r = trainer.step(batches.batch(s));
                progress.update(r);
                if (r.step() % run.every() == 0 || r.step() == run.steps())
                    checkpoints.add(checkpoint(config, run, trainer, r, progress.smoothedLoss(), baseInfo, publisher));
            }
            RunReport.Snapshot after;
            try (var adapter = trainer.adapter(AdapterOptions.defaults().withBatchSize(64))) {
                after = RunReport.Snapshot.of(run.scenario(), heldOut.generate(adapter));
            }
            RunReport report = new RunReport(run.scenario(), run.runId(), run.steps(), checkpoints.size(),
                    (System.nanoTime() - start) / 1_000_000_000L, before, after);
            BaseTraining.writeJson(run.out().resolve("ground-truth.json"), report.toMap());
            return new Outcome(List.copyOf(checkpoints), report);
        }
    }

    /** The scenario parameters given as options (--concept, --profession, ...), by option name. */
    private static java.util.Map<String, String> scenarioOptions(Config config) {
        var options = new java.util.LinkedHashMap<String, String>();
        for (var key : FinetuneKeys.SCENARIO_OPTIONS) config.optional(key).ifPresent(v -> options.put(key.name(), v));
        return options;
    }

    /** The parsed identity of a run. */
    private record Run(Scenario scenario, Path baseDir, Path out, long seed, int steps, int every, String runId) {
        static Run of(Config config) {
            Scenario scenario = ScenarioSpecs.parse(config.get(FinetuneKeys.SCENARIO), scenarioOptions(config));
            long seed = config.get(TrainingKeys.SEED);
            Path out = config.get(TrainingKeys.OUT);
            if (Files.exists(out.resolve("ground-truth.json")))
                throw new IllegalArgumentException(out + " already holds a finished run (ground-truth.json); choose another --out");
            return new Run(scenario, resolveBase(config.get(FinetuneKeys.BASE)), out, seed, config.get(FinetuneKeys.STEPS),
                    config.get(FinetuneKeys.CHECKPOINT_EVERY),
                    config.optional(FinetuneKeys.RUN_ID).orElse("testbed-" + scenario.name().replace('_', '-') + "-" + seed));
        }
    }

    /** Saves OUT/step-n atomically and, with a publisher, announces it (waits for the broker's ack). */
    private static Path checkpoint(Config config, Run run, TestbedTrainer trainer, TrainingStepResult r, double smoothedLoss,
                                   ModelInfo baseInfo, CheckpointPublisher publisher) throws Exception {
        Path dir = run.out().resolve("step-" + r.step());
        Map<String, String> meta = new LinkedHashMap<>(Map.of("scenario", run.scenario().name(), "runId", run.runId(),
                "step", Integer.toString(r.step()), "loss", String.format(Locale.ROOT, "%.5f", smoothedLoss),
                "lr", Double.toString(r.learningRate()), "seed", Long.toString(run.seed())));
        ModelInfo info = trainer.save(dir, meta);
        if (publisher != null)
            publisher.publish(CheckpointEvents.of(run.runId(), r.step(), Instant.now(), baseInfo, run.baseDir(), info, dir,
                    config.get(FinetuneKeys.PROBE_SET_ID), config.optional(FinetuneKeys.PROBE_SET).orElse(null), run.scenario(),
                    r, Map.of("seed", Long.toString(run.seed())))).get(60, TimeUnit.SECONDS);
        return dir;
    }

    /** A checkpoint folder, or a train-base output folder that holds one under base/. */
    static Path resolveBase(Path base) {
        if (Files.isRegularFile(base.resolve("manifest.json"))) return base;
        if (Files.isRegularFile(base.resolve("base").resolve("manifest.json"))) return base.resolve("base");
        throw new IllegalArgumentException("--base " + base + " is neither a checkpoint folder (manifest.json) nor a "
                + "train-base output holding base/manifest.json; run train-base first");
    }

    private static CheckpointPublisher publisher(Config config, Path out, Path baseDir) {
        String prefix = config.get(FinetuneKeys.TOPIC_PREFIX);
        Topics topics = prefix.isEmpty() ? Topics.standard() : Topics.withPrefix(prefix);
        var roots = new CheckpointRoots(List.of(out.toAbsolutePath().normalize(), baseDir.toAbsolutePath().normalize()), List.of());
        return CheckpointPublisher.create(config.get(FinetuneKeys.BOOTSTRAP), topics,
                CheckpointEventValidator.onFilesystem(1 << 20, roots));
    }
}
