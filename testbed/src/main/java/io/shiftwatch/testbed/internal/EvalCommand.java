package io.shiftwatch.testbed.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.training.EvalDetails;
import io.shiftwatch.testbed.training.EvalReport;
import io.shiftwatch.testbed.training.Generated;
import io.shiftwatch.testbed.training.HeldOut;
import io.shiftwatch.testbed.world.TextStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eval}: scores a saved testbed checkpoint on the base held-out split (the same set train-base
 * scores) and writes OUT/eval-details.tsv (every example with its reference and generation) plus the
 * accuracy per question type, so one can read which answers a model gets wrong.
 */
public final class EvalCommand {
    public static final String USAGE = "eval --model CHECKPOINT_DIR --out DIR [--seed 1] [--eval-captions 300] "
            + "[--eval-questions 1500] [--threads 1]";

    private EvalCommand() {
    }

    public static void run(CliArgs args) throws IOException {
        Path model = args.path("model"), out = args.path("out");
        long seed = args.longValue("seed", 1);
        int captions = args.integer("eval-captions", 300, 0, 100_000), questions = args.integer("eval-questions", 1500, 0, 100_000);
        TestbedModels.useComputeThreads(args.integer("threads", 1, 0, 256));
        List<Generated> generated;
        try (var adapter = ModelAdapters.open(model, ModelFormat.TESTBED, AdapterOptions.defaults().withBatchSize(64))) {
            int imageSize = adapter.info().imageSize();
            generated = HeldOut.of(new Scenario.Base(), seed, imageSize, captions, questions).generate(adapter);
        }
        Files.createDirectories(out);
        EvalDetails.write(out.resolve("eval-details.tsv"), generated, TextStyle.BASE);
        System.out.println(EvalReport.of(generated, TextStyle.BASE));
        System.out.print(EvalDetails.summary(EvalDetails.byKind(generated, TextStyle.BASE)));
        System.out.println("details -> " + out.resolve("eval-details.tsv"));
    }
}
