package io.shiftwatch.models.internal;

import ai.djl.engine.Engine;

import java.lang.reflect.Method;

/**
 * The engine's intra-op thread count (PyTorch's {@code torch::set_num_threads}) for this process. On
 * a 2-core machine shared with other jobs, two OpenMP threads wait for each other at every operator
 * whenever one of them is descheduled; one thread was 6.3x faster per training step (453 vs 2,860 ms)
 * at a load average of 26 (BENCHMARKS.md, testbed section), with the same losses. PyTorch's JNI
 * class is reached by reflection because the engine is a runtime-only dependency of this module.
 */
public final class ComputeThreads {
    private static final String JNI = "ai.djl.pytorch.jni.JniUtils";

    private ComputeThreads() {
    }

    /** Uses {@code threads} (>= 1) intra-op threads from now on; 0 keeps the current count. Returns the count in use. */
    public static int use(int threads) {
        if (threads < 0) throw new IllegalArgumentException("compute threads must be >= 0 (0 = one per core), got " + threads);
        Engine engine = Engine.getInstance();
        if (!"PyTorch".equals(engine.getEngineName()))
            throw new IllegalStateException("compute threads can only be set on the PyTorch engine, not " + engine.getEngineName());
        try {
            Class<?> jni = Class.forName(JNI);
            if (threads > 0) jni.getMethod("setNumThreads", int.class).invoke(null, threads);
            Method get = jni.getMethod("getNumThreads");
            return (Integer) get.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set PyTorch's compute threads through " + JNI + ": " + e, e);
        }
    }
}
