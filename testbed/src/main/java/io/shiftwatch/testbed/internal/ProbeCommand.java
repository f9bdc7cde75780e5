package io.shiftwatch.testbed.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;
import io.shiftwatch.testbed.DriftProbes;
import io.shiftwatch.testbed.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code probe}: builds the default drift probe set and writes it as a probe set folder. With {@code --model} the
 * images are drawn at the size that checkpoint reads (a probe set of another size cannot be run on it).
 */
public final class ProbeCommand {
    public static final String USAGE = "probe --out DIR [--samples " + DriftProbes.DEFAULT_SAMPLES
            + "] [--seed 1] [--image-size 32 | --model CHECKPOINT_DIR] [--id " + DriftProbes.DEFAULT_ID + "] [--tasks all|vqa|caption|people]";

    private ProbeCommand() {
    }

    public static void run(CliArgs args) throws IOException {
        Path out = args.path("out");
        DriftProbes.Tasks tasks = tasks(args.string("tasks", "all"));
        ProbeSet set = DriftProbes.build(args.string("id", DriftProbes.DEFAULT_ID),
                args.integer("samples", DriftProbes.DEFAULT_SAMPLES, 1, 1_000_000), args.longValue("seed", 1),
                imageSize(args), tasks);
        ProbeSetFiles.write(out, set);
        System.out.println("wrote probe set " + set.id() + " (" + set.size() + " samples, " + set.imageSize()
                + " px, hash " + set.contentHash() + ") to " + out);
    }

    private static int imageSize(CliArgs args) {
        int given = args.integer("image-size", SceneRenderer.DEFAULT_IMAGE_SIZE, 16, 512);
        if (!args.has("model")) return given;
        int model;
        try (var adapter = ModelAdapters.open(args.path("model"), ModelFormat.TESTBED, AdapterOptions.defaults())) {
            model = adapter.info().imageSize();
        }
        if (args.has("image-size") && given != model)
            throw new IllegalArgumentException("probe: --image-size " + given + " but the model " + args.path("model") + " reads "
                    + model + " px images; give one of the two; nothing was written");
        return model;
    }

    private static DriftProbes.Tasks tasks(String text) {
        return switch (text) {
            case "all" -> DriftProbes.Tasks.ALL;
            case "vqa" -> DriftProbes.Tasks.VQA;
            case "caption" -> DriftProbes.Tasks.CAPTION;
            case "people" -> DriftProbes.Tasks.PEOPLE;
            default -> throw new IllegalArgumentException("--tasks must be all, vqa, caption or people, got '" + text + "'; nothing was written");
        };
    }
}
