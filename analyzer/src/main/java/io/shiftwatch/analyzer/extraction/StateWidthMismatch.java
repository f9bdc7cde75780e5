package io.shiftwatch.analyzer.extraction;

/**
 * Base and checkpoint states have different widths (hidden sizes): the checkpoint is not a fine-tune
 * of that base, and no shift can be measured.
 */
public record StateWidthMismatch(String target, int layer, int baseWidth, int checkpointWidth)
        implements PairingOutcome, ExtractionFailure {
    @Override
    public String reason() {
        return "checkpoint states at layer " + layer + " have width " + checkpointWidth + " but the base's have "
                + baseWidth + "; the checkpoint does not fit this base model, so target '" + target + "' cannot be compared";
    }
}
