package io.shiftwatch.models;

import ai.djl.ndarray.NDManager;
import io.shiftwatch.models.internal.Devices;
import io.shiftwatch.models.internal.TestbedAdapter;
import io.shiftwatch.models.internal.TestbedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Loads a checkpoint folder as a {@link ModelAdapter}. One case per {@link ModelFormat}; formats that
 * cannot be loaded yet fail with {@link UnsupportedModelFormatException} (their loaders slot into the
 * same switch). Loading verifies the checkpoint and never runs code from the folder.
 */
public final class ModelAdapters {
    private static final Logger LOG = LoggerFactory.getLogger(ModelAdapters.class);

    private ModelAdapters() {
    }

    /**
     * Opens {@code dir} as {@code format}. The caller closes the adapter.
     *
     * @throws ModelLoadException (hash mismatch, invalid checkpoint, unsupported format), never for a
     *                            problem of the caller's arguments
     */
    public static ModelAdapter open(Path dir, ModelFormat format, AdapterOptions options) {
        return switch (format) {
            case TESTBED -> openTestbed(dir, options);
            case SAFETENSORS -> throw new UnsupportedModelFormatException(format,
                    "Hugging Face safetensors loading (LLaVA family) is planned; convert to a testbed checkpoint or wait for it");
            case TORCHSCRIPT -> throw new UnsupportedModelFormatException(format,
                    "TorchScript modules with hidden-state outputs are planned; no loader exists in this build");
        };
    }

    private static ModelAdapter openTestbed(Path dir, AdapterOptions options) {
        NDManager manager = NDManager.newBaseManager(Devices.resolve(options.device()));
        try {
            var loaded = TestbedCheckpoint.read(dir, manager);
            LOG.info("loaded checkpoint: dir={} modelId={} contentHash={} layers={} hidden={} vocab={}", dir,
                    loaded.info().id(), loaded.info().contentHash(), loaded.info().numLayers(), loaded.info().hiddenSize(),
                    loaded.info().vocabSize());
            return new TestbedAdapter(manager, true, loaded.model(), loaded.vocabulary(), loaded.info(), options.batchSize());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
