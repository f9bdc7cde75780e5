package io.shiftwatch.models;

import java.nio.file.Path;
import java.util.Map;

/**
 * A trainable testbed VLM (created from a seed or loaded from a checkpoint for fine-tuning). One
 * {@link #step} is one Adam update on one batch; the learning-rate schedule and gradient clipping
 * follow {@link TrainingOptions}. Deterministic: same seed, same batches, same weights. Owns native
 * memory: close it. Not thread-safe.
 */
public interface TestbedTrainer extends AutoCloseable {

    /** One optimiser update on {@code batch}; the returned loss is measured before the update. */
    TrainingStepResult step(TrainingBatch batch);

    /** Mean cross-entropy over the batch's loss-mask tokens, without updating anything. */
    double evaluate(TrainingBatch batch);

    /** Updates done by this trainer (fine-tuning starts again at 0). */
    int stepsDone();

    TestbedModelConfig config();

    WordVocabulary vocabulary();

    /**
     * Writes a checkpoint folder {@code dir} (must not exist yet) atomically: the folder appears complete
     * or not at all. {@code metadata} (e.g. loss, step, scenario) goes into manifest.json's training map.
     * Returns the checkpoint's identity.
     */
    ModelInfo save(Path dir, Map<String, String> metadata);

    /**
     * A {@link ModelAdapter} over the CURRENT weights (shared, not copied: later steps change its outputs).
     * Closing it does not close the trainer. Its content hash is that of the weights when it was created.
     */
    ModelAdapter adapter(AdapterOptions options);

    @Override
    void close();
}
