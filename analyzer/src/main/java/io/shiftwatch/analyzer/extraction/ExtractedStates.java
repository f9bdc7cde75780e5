package io.shiftwatch.analyzer.extraction;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The representations of one model for one target token at one layer (PAPER.md §1): row m of
 * {@code states} ([M, hiddenSize], the transpose of the paper's Z) is the residual state of sample
 * {@code sampleIds.get(m)} at the position that predicts the target, {@code positions[m]} being that
 * position's index in the sample's generated output. Only the M samples whose output contains the
 * target are present, in probe order; M may be 0. Arrays are not copied and must not be mutated;
 * {@code equals} compares them by reference.
 *
 * @param modelHash    content hash of the model the states come from (64 hex chars)
 * @param probeSetHash {@link ProbeSetDigest} of the probe set (64 hex chars)
 * @param target       the target token
 * @param layer        the layer as requested (-1 = final norm)
 * @param hiddenSize   width D of every row (> 0)
 * @param probeSize    number of samples in the probe set (>= M)
 * @param sampleIds    ids of the M samples, distinct, in probe order
 * @param positions    [M] generated-position index of each row, >= 0
 * @param states       [M, hiddenSize] finite values
 */
public record ExtractedStates(String modelHash, String probeSetHash, String target, int layer, int hiddenSize,
                              int probeSize, List<String> sampleIds, int[] positions, float[][] states) {
    public ExtractedStates {
        Objects.requireNonNull(modelHash, "modelHash");
        Objects.requireNonNull(probeSetHash, "probeSetHash");
        Objects.requireNonNull(target, "target");
        sampleIds = List.copyOf(sampleIds);
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(states, "states");
        if (hiddenSize <= 0) throw new IllegalArgumentException("hiddenSize must be > 0, got " + hiddenSize);
        int m = sampleIds.size();
        if (positions.length != m || states.length != m)
            throw new IllegalArgumentException("target '" + target + "' layer " + layer + ": " + m + " sample ids, "
                    + positions.length + " positions and " + states.length + " state rows; they must match");
        if (probeSize < m)
            throw new IllegalArgumentException("target '" + target + "' layer " + layer + ": " + m
                    + " samples cannot come from a probe set of " + probeSize);
        if (new HashSet<>(sampleIds).size() != m)
            throw new IllegalArgumentException("target '" + target + "' layer " + layer + ": duplicate sample ids " + sampleIds);
        for (int i = 0; i < m; i++) {
            if (states[i] == null || states[i].length != hiddenSize)
                throw new IllegalArgumentException("target '" + target + "' layer " + layer + ": row " + i + " (sample "
                        + sampleIds.get(i) + ") has " + (states[i] == null ? "no" : states[i].length)
                        + " values, expected [M, " + hiddenSize + "]");
            if (positions[i] < 0)
                throw new IllegalArgumentException("target '" + target + "' sample " + sampleIds.get(i) + ": negative position " + positions[i]);
        }
    }

    /** Number of samples M whose output contains the target. */
    public int count() {
        return sampleIds.size();
    }
}
