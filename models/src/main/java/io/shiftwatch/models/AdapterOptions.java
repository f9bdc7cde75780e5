package io.shiftwatch.models;

import java.util.Objects;

/**
 * How a model is run once loaded.
 *
 * @param batchSize samples per forward pass during generation (> 0; default 32)
 * @param device    where the weights live; {@link DeviceChoice#AUTO} picks a GPU when the engine sees one
 */
public record AdapterOptions(int batchSize, DeviceChoice device) {
    public static final int DEFAULT_BATCH_SIZE = 32;

    public AdapterOptions {
        Objects.requireNonNull(device, "device");
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }

    /** Batch size 32 on the automatically chosen device. */
    public static AdapterOptions defaults() {
        return new AdapterOptions(DEFAULT_BATCH_SIZE, DeviceChoice.AUTO);
    }

    public AdapterOptions withBatchSize(int size) {
        return new AdapterOptions(size, device);
    }

    /** Device selection; AUTO = first GPU if the engine reports one, else CPU (logged once per process). */
    public enum DeviceChoice { AUTO, CPU, GPU }
}
