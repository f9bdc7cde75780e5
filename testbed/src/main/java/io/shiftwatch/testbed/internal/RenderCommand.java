package io.shiftwatch.testbed.internal;

import io.shiftwatch.testbed.world.Captions;
import io.shiftwatch.testbed.world.Scene;
import io.shiftwatch.testbed.world.SceneRenderer;
import io.shiftwatch.testbed.world.SceneSampler;
import io.shiftwatch.testbed.world.TextStyle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** {@code render}: writes N sampled scenes as PNGs (optionally upscaled) plus captions.txt. */
public final class RenderCommand {
    public static final String USAGE = "render --out DIR --count N [--seed S] [--image-size 32] [--scale 1]";

    private RenderCommand() {
    }

    public static void run(CliArgs args) throws IOException {
        Path out = args.path("out");
        int count = args.integer("count", 16, 1, 100_000);
        int size = args.integer("image-size", SceneRenderer.DEFAULT_IMAGE_SIZE, 16, 512);
        int scale = args.integer("scale", 1, 1, 32);
        long seed = args.longValue("seed", 1);
        SceneRenderer renderer = new SceneRenderer(size);
        Files.createDirectories(out);
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SplittableRandom rng = new SplittableRandom(seed + i);
            Scene scene = SceneSampler.sample(rng);
            String name = "scene-%05d.png".formatted(i);
            ImageIO.write(toImage(renderer.render(scene), size, scale), "png", out.resolve(name).toFile());
            captions.add(name + "\t" + Captions.caption(scene, TextStyle.BASE, rng).answer());
        }
        Files.write(out.resolve("captions.txt"), captions);
        System.out.println("wrote " + count + " images and captions.txt to " + out);
    }

    /** RGB bytes (row-major) to an image, each pixel repeated {@code scale} times in x and y. */
    static BufferedImage toImage(byte[] rgb, int size, int scale) {
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++)
            for (int x = 0; x < size * scale; x++) {
                int i = ((y / scale) * size + x / scale) * 3;
                image.setRGB(x, y, (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF));
            }
        return image;
    }
}
