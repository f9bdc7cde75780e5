package io.shiftwatch.models.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.shiftwatch.models.AdapterOptions.DeviceChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/** Turns a {@link DeviceChoice} into a DJL device; the automatic choice is logged once per process. */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private Devices() {
    }

    public static Device resolve(DeviceChoice choice) {
        Engine engine = Engine.getInstance();
        int gpus = engine.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) throw new IllegalStateException("GPU requested but the " + engine.getEngineName()
                        + " engine sees none; use device AUTO or CPU");
                yield Device.gpu();
            }
            case AUTO -> {
                Device device = gpus > 0 ? Device.gpu() : Device.cpu();
                if (LOGGED.compareAndSet(false, true))
                    LOG.info("model device chosen automatically: device={} engine={} version={} gpus={}", device,
                            engine.getEngineName(), engine.getVersion(), gpus);
                yield device;
            }
        };
    }
}
