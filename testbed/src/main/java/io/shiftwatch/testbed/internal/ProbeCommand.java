package io.shiftwatch.testbed.internal;

import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;
import io.shiftwatch.testbed.DriftProbes;
import io.shiftwatch.testbed.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Path;

/** {@code probe}: builds the default drift probe set and writes it as a probe set folder. */
public final class ProbeCommand {
    public static final String USAGE = "probe --out DIR [--samples " + DriftProbes.DEFAULT_SAMPLES
            + "] [--seed 1] [--image-size 32] [--id " + DriftProbes.DEFAULT_ID + "] [--tasks all|vqa|caption|people]";

    private ProbeCommand() {
    }

    public static void run(CliArgs args) throws IOException {
        Path out = args.path("out");
        DriftProbes.Tasks tasks = tasks(args.string("tasks", "all"));
        ProbeSet set = DriftProbes.build(args.string("id", DriftProbes.DEFAULT_ID),
                args.integer("samples", DriftProbes.DEFAULT_SAMPLES, 1, 1_000_000), args.longValue("seed", 1),
                args.integer("image-size", SceneRenderer.DEFAULT_IMAGE_SIZE, 16, 512), tasks);
        ProbeSetFiles.write(out, set);
        System.out.println("wrote probe set " + set.id() + " (" + set.size() + " samples, " + set.imageSize()
                + " px, hash " + set.contentHash() + ") to " + out);
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
