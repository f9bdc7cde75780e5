package io.shiftwatch.testbed.world;

import java.util.SplittableRandom;

/**
 * Dev main (not a test): measures sampling + rendering throughput on one thread.
 * Run: java -cp testbed/target/classes:testbed/target/test-classes:models/target/classes io.shiftwatch.testbed.world.RenderSpeed [size] [count]
 */
public final class RenderSpeed {
    private RenderSpeed() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        SceneRenderer renderer = new SceneRenderer(size);
        long checksum = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) checksum += renderer.render(SceneSampler.sample(new SplittableRandom(i)))[i % 100];
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d images of %dx%d in %.2f s = %.0f images/s (checksum %d)%n",
                    round == 0 ? "warm-up" : "measured", count, size, size, seconds, count / seconds, checksum);
        }
    }
}
