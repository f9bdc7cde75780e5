package io.shiftwatch.models.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.shiftwatch.models.internal.LoadedCheckpoint;
import io.shiftwatch.models.internal.TestbedCheckpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every parameter of a testbed checkpoint as {@code <out>/<name>.npy} (float32, C order, the
 * DJL shape: Linear weights are [out, in] like PyTorch's; names as {@link #plainName}), plus {@code parameters.txt} (one name per
 * line, block order) and a copy of the checkpoint's {@code config.json} and {@code vocab.txt}. The
 * checkpoint is verified (manifest hashes, shapes, finite values) exactly as the analyzer loads it.
 */
public final class WeightExport {
    private WeightExport() {
    }

    /**
     * The parameter name without DJL's two-digit child-order prefixes:
     * {@code 02decoder_1_01attention_norm_gamma} → {@code decoder_1_attention_norm_gamma}.
     */
    static String plainName(String djlName) {
        return djlName.replaceAll("(^|_)\\d\\d(?=[a-z])", "$1");
    }

    /** Exports {@code checkpoint} into {@code out} (created if missing); returns the parameter names written. */
    public static List<String> toNpy(Path checkpoint, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> names = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedCheckpoint loaded = TestbedCheckpoint.read(checkpoint, manager);
            for (var entry : loaded.model().getParameters()) {
                NDArray array = entry.getValue().getArray();
                if (array.getDataType() != DataType.FLOAT32)
                    throw new IOException("parameter " + entry.getKey() + " is " + array.getDataType() + ", the export writes float32 only");
                String name = plainName(entry.getKey());
                NpyFloat32.write(out.resolve(name + ".npy"), array.getShape().getShape(), array.toFloatArray());
                names.add(name);
            }
        }
        Files.write(out.resolve("parameters.txt"), names);
        for (String file : List.of(TestbedCheckpoint.CONFIG, TestbedCheckpoint.VOCAB))
            Files.copy(checkpoint.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        return names;
    }
}
