package io.shiftwatch.analyzer.extraction.internal;

import io.shiftwatch.analyzer.extraction.BaseActivationKey;

import java.util.List;
import java.util.Objects;

/**
 * header.json of a base-activation cache entry: the key (hash and fields), shapes, sample ids, the
 * generated outputs, and one line per .npy matrix with its SHA-256 so a damaged payload is detected.
 */
public record CacheHeader(String format, int formatVersion, String key, BaseActivationKey keyFields, int hiddenSize,
                          int probeSize, List<Output> outputs, List<Matrix> matrices) {
    public static final String FORMAT = "shiftwatch-base-activations";
    public static final int FORMAT_VERSION = 1;

    public CacheHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(matrices, "matrices");
    }

    /** What one sample generated. */
    public record Output(String sampleId, List<String> tokens) {
    }

    /**
     * One [rows, cols] float32 matrix of states for a (target, layer).
     *
     * @param file   file name inside the entry, {@code states-NNN.npy}
     * @param sha256 hex SHA-256 of the whole .npy file
     */
    public record Matrix(String target, int layer, String file, int rows, int cols, String sha256,
                         List<String> sampleIds, int[] positions) {
        public Matrix {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(sampleIds, "sampleIds");
            Objects.requireNonNull(positions, "positions");
        }
    }
}
