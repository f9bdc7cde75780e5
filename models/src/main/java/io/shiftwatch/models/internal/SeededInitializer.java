package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fills a parameter from a Java PRNG seeded by (model seed, parameter name), so a seed gives the same
 * weights on every engine, device and thread count (the engine's own RNG is not involved).
 */
final class SeededInitializer implements Initializer {
    private final long seed;
    private final float std;
    private final float constant;
    private final boolean heScaled;

    private SeededInitializer(long seed, float std, float constant, boolean heScaled) {
        this.seed = seed;
        this.std = std;
        this.constant = constant;
        this.heScaled = heScaled;
    }

    /** Gaussian N(0, std²) values from a stream keyed by {@code modelSeed} and {@code parameterName}. */
    static SeededInitializer normal(long modelSeed, String parameterName, float std) {
        return new SeededInitializer(streamSeed(modelSeed, parameterName), std, 0f, false);
    }

    /**
     * He-normal N(0, 2/fanIn) for a kernel of shape [out, in, k...] (fanIn = in * k...), from the
     * same seeded stream as {@link #normal}.
     */
    static SeededInitializer heNormal(long modelSeed, String parameterName) {
        return new SeededInitializer(streamSeed(modelSeed, parameterName), 1f, 0f, true);
    }

    static SeededInitializer constant(float value) {
        return new SeededInitializer(0L, 0f, value, false);
    }

    private static long streamSeed(long modelSeed, String parameterName) {
        long h = modelSeed;
        for (int i = 0; i < parameterName.length(); i++) h = h * 1_000_003L + parameterName.charAt(i);
        return new SplittableRandom(h).nextLong();
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        float[] values = new float[Math.toIntExact(shape.size())];
        if (std == 0f) {
            Arrays.fill(values, constant);
        } else {
            double scale = heScaled ? Math.sqrt(2.0 * shape.get(0) / values.length) : std;
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < values.length; i++) values[i] = (float) (random.nextGaussian() * scale);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
