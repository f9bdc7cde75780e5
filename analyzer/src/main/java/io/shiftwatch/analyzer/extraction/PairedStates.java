package io.shiftwatch.analyzer.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base and checkpoint representations of the SAME samples for one target and layer (PAPER.md §1:
 * only samples where both models produce the target): row m of {@code base} ([M, D]) and of
 * {@code checkpoint} ([M, D]) belong to {@code sampleIds.get(m)}, in probe order, M >= 1. The drop
 * counts say how many samples each side had that the other lacked (they go into the analysis summary).
 * Arrays are shared with the inputs, not copied.
 *
 * @param droppedFromBase       samples whose base output had the target but the checkpoint's did not
 * @param droppedFromCheckpoint samples whose checkpoint output had the target but the base's did not
 */
public record PairedStates(String target, int layer, List<String> sampleIds, float[][] base, float[][] checkpoint,
                           int droppedFromBase, int droppedFromCheckpoint) implements PairingOutcome {
    public PairedStates {
        Objects.requireNonNull(target, "target");
        sampleIds = List.copyOf(sampleIds);
        if (sampleIds.isEmpty()) throw new IllegalArgumentException("paired states need at least one sample (else TargetNotFound)");
        if (base.length != sampleIds.size() || checkpoint.length != sampleIds.size())
            throw new IllegalArgumentException(sampleIds.size() + " sample ids but " + base.length + " base rows and "
                    + checkpoint.length + " checkpoint rows");
        if (droppedFromBase < 0 || droppedFromCheckpoint < 0)
            throw new IllegalArgumentException("drop counts must be >= 0");
    }

    /**
     * Keeps the samples where both models produced the target, in the base's (= probe) order.
     * Returns {@link TargetNotFound} when there is none and {@link StateWidthMismatch} when the
     * hidden sizes differ.
     *
     * @throws IllegalArgumentException when the two sets are not for the same target, layer and probe set
     *                                  (a caller error, not a property of the checkpoint)
     */
    public static PairingOutcome intersect(ExtractedStates base, ExtractedStates checkpoint) {
        if (!base.target().equals(checkpoint.target()) || base.layer() != checkpoint.layer()
                || !base.probeSetHash().equals(checkpoint.probeSetHash()) || base.probeSize() != checkpoint.probeSize())
            throw new IllegalArgumentException("cannot pair base states (target '" + base.target() + "', layer " + base.layer()
                    + ", probe set " + base.probeSetHash() + ") with checkpoint states (target '" + checkpoint.target()
                    + "', layer " + checkpoint.layer() + ", probe set " + checkpoint.probeSetHash() + ")");
        if (base.hiddenSize() != checkpoint.hiddenSize())
            return new StateWidthMismatch(base.target(), base.layer(), base.hiddenSize(), checkpoint.hiddenSize());
        Map<String, Integer> checkpointRow = new HashMap<>();
        for (int i = 0; i < checkpoint.count(); i++) checkpointRow.put(checkpoint.sampleIds().get(i), i);
        List<String> ids = new ArrayList<>();
        List<float[]> baseRows = new ArrayList<>(), checkpointRows = new ArrayList<>();
        for (int i = 0; i < base.count(); i++) {
            Integer j = checkpointRow.get(base.sampleIds().get(i));
            if (j == null) continue;
            ids.add(base.sampleIds().get(i));
            baseRows.add(base.states()[i]);
            checkpointRows.add(checkpoint.states()[j]);
        }
        if (ids.isEmpty())
            return new TargetNotFound(base.target(), base.layer(), base.probeSize(), base.count(), checkpoint.count());
        return new PairedStates(base.target(), base.layer(), ids, baseRows.toArray(float[][]::new),
                checkpointRows.toArray(float[][]::new), base.count() - ids.size(), checkpoint.count() - ids.size());
    }

    /** Number of paired samples M. */
    public int count() {
        return sampleIds.size();
    }
}
