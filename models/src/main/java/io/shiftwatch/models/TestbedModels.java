package io.shiftwatch.models;

import ai.djl.ndarray.NDManager;
import io.shiftwatch.models.internal.ComputeThreads;
import io.shiftwatch.models.internal.Devices;
import io.shiftwatch.models.internal.TestbedCheckpoint;
import io.shiftwatch.models.internal.TestbedTraining;
import io.shiftwatch.models.internal.TestbedVlm;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point for training the testbed VLM (the testbed module's side; it never sees DJL):
 * {@link #create} a freshly initialised model from a seed, or {@link #finetune} a verified checkpoint.
 * The returned {@link TestbedTrainer} owns the weights.
 */
public final class TestbedModels {
    private TestbedModels() {
    }

    /**
     * Uses {@code threads} intra-op compute threads in this process from now on (0 = the engine's
     * default, one per core); returns the count in use. One thread is faster on a loaded shared machine.
     */
    public static int useComputeThreads(int threads) {
        return ComputeThreads.use(threads);
    }

    /**
     * A new model with seeded weights (same config + vocabulary + seed → identical weights) on the
     * automatically chosen device.
     */
    public static TestbedTrainer create(TestbedModelConfig config, WordVocabulary vocabulary, long seed, TrainingOptions options) {
        return create(config, vocabulary, seed, options, AdapterOptions.DeviceChoice.AUTO, Clock.systemUTC());
    }

    /** As {@link #create(TestbedModelConfig, WordVocabulary, long, TrainingOptions)} with explicit device and clock (checkpoint created-at). */
    public static TestbedTrainer create(TestbedModelConfig config, WordVocabulary vocabulary, long seed, TrainingOptions options,
                                        AdapterOptions.DeviceChoice device, Clock clock) {
        NDManager manager = NDManager.newBaseManager(Devices.resolve(device));
        try {
            var model = new TestbedVlm(config, vocabulary.size());
            model.initializeWeights(manager, seed);
            return new TestbedTraining(manager, model, vocabulary, options, clock);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Continues training from the checkpoint folder {@code checkpoint} (verified like
     * {@link ModelAdapters#open}); Adam's moments and the schedule start afresh.
     *
     * @throws ModelLoadException when the checkpoint cannot be loaded
     */
    public static TestbedTrainer finetune(Path checkpoint, TrainingOptions options) {
        return finetune(checkpoint, options, AdapterOptions.DeviceChoice.AUTO, Clock.systemUTC());
    }

    public static TestbedTrainer finetune(Path checkpoint, TrainingOptions options, AdapterOptions.DeviceChoice device, Clock clock) {
        NDManager manager = NDManager.newBaseManager(Devices.resolve(device));
        try {
            var loaded = TestbedCheckpoint.read(checkpoint, manager);
            return new TestbedTraining(manager, loaded.model(), loaded.vocabulary(), options, clock);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
