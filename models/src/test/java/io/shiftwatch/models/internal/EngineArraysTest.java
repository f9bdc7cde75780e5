package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.TrainingBatch;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineArraysTest {

    /**
     * The training loss's gradients must not depend on when the Java garbage collector runs: a collection
     * between the forward and the backward pass frees every Java buffer nothing references any more, and
     * its memory is then reused (here: filled with NaN). With the attention scale and the loss divisor
     * passed as Numbers, DJL's scalar arrays were such buffers and the backward pass read the NaN.
     */
    @Test
    void gradientsDoNotDependOnAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        var vocabulary = ToyWorld.vocabulary();
        TrainingBatch batch = ToyWorld.batch(vocabulary);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = new TestbedVlm(ToyWorld.tinyConfig(), vocabulary.size());
            model.initializeWeights(manager, 5L);
            float[][] undisturbed = gradients(model, manager, batch, false);
            float[][] afterCollection = gradients(model, manager, batch, true);
            var names = model.getParameters().keys();
            for (int i = 0; i < undisturbed.length; i++)
                assertArrayEquals(undisturbed[i], afterCollection[i], "gradient of " + names.get(i));
        }
    }

    @Test
    void scalarIsAZeroDimensionalCopyInTheGivenManager() {
        try (NDManager manager = NDManager.newBaseManager(); NDManager other = manager.newSubManager()) {
            NDArray s = EngineArrays.scalar(other, 0.125f);
            assertEquals(0, s.getShape().dimension());
            assertEquals(0.125f, s.getFloat());
            assertTrue(other.getManagedArrays().contains(s));
        }
    }

    private static float[][] gradients(TestbedVlm model, NDManager manager, TrainingBatch batch, boolean collectBeforeBackward)
            throws InterruptedException {
        var ps = new ParameterStore(manager, false);
        var parameters = model.getParameters().values();
        List<ByteBuffer> reused = new ArrayList<>();
        try (NDManager step = manager.newSubManager()) {
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray loss = MaskedCrossEntropy.loss(model, ps, step, batch, true);
                if (collectBeforeBackward) freeAndOverwriteUnreferencedBuffers(reused);
                collector.backward(loss);
            }
            float[][] out = new float[parameters.size()][];
            for (int i = 0; i < out.length; i++) {
                NDArray g = parameters.get(i).getArray().getGradient();
                g.attach(step);
                out[i] = g.toFloatArray();
                g.set(new NDIndex("..."), 0f);
            }
            return out;
        }
    }

    /** Collects garbage until unreferenced direct buffers are freed, then allocates small buffers (same size class) full of NaN. */
    private static void freeAndOverwriteUnreferencedBuffers(List<ByteBuffer> keep) throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(50); // the JDK's cleaner thread frees the collected buffers' memory
            for (int i = 0; i < 2_000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, Float.NaN);
                keep.add(b);
            }
        }
    }
}
