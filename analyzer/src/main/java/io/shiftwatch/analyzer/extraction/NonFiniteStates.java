package io.shiftwatch.analyzer.extraction;

/**
 * A model produced a NaN or infinite hidden state: its activations cannot be analysed.
 *
 * @param modelHash content hash of the model
 * @param layer     the layer as requested (-1 = final norm)
 * @param sampleId  the first sample (in probe order) with a non-finite value
 * @param position  generated-position index of the offending row
 * @param value     the offending value (NaN or ±Infinity)
 */
public record NonFiniteStates(String modelHash, int layer, String sampleId, int position, float value)
        implements ExtractionOutcome, ExtractionFailure {
    public NonFiniteStates {
        if (Float.isFinite(value)) throw new IllegalArgumentException("value " + value + " is finite");
    }

    @Override
    public String reason() {
        return "model " + modelHash + " produced a non-finite hidden state (" + value + ") at layer " + layer
                + " for probe sample " + sampleId + ", generated position " + position
                + "; its activations cannot be analysed, so this checkpoint is marked failed";
    }
}
