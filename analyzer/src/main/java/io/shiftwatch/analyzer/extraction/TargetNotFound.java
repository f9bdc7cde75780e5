package io.shiftwatch.analyzer.extraction;

/**
 * No probe sample's output contains the target in BOTH the base model and the checkpoint, so there
 * is nothing to compare for it (PAPER.md §1: only samples where both produce the target are used).
 *
 * @param target                the target token
 * @param layer                 the layer as requested
 * @param probeSize             samples in the probe set
 * @param baseOccurrences       samples whose base output contains the target
 * @param checkpointOccurrences samples whose checkpoint output contains the target
 */
public record TargetNotFound(String target, int layer, int probeSize, int baseOccurrences, int checkpointOccurrences)
        implements PairingOutcome, ExtractionFailure {
    public TargetNotFound {
        if (baseOccurrences < 0 || checkpointOccurrences < 0 || baseOccurrences > probeSize || checkpointOccurrences > probeSize)
            throw new IllegalArgumentException("occurrences " + baseOccurrences + "/" + checkpointOccurrences
                    + " do not fit a probe set of " + probeSize);
    }

    @Override
    public String reason() {
        return "target '" + target + "' occurs in " + baseOccurrences + " of " + probeSize + " base outputs and "
                + checkpointOccurrences + " of " + probeSize + " checkpoint outputs but never in both"
                + "; no concept shift can be measured for it at layer " + layer;
    }
}
