package io.shiftwatch.analyzer.extraction;

import java.util.List;
import java.util.Objects;

/**
 * What a model generated (greedy) for one probe sample, kept for image grounding, evidence and
 * accuracy. {@code tokens} never contains the end token; it may be empty.
 *
 * @param sampleId the probe sample's id, never blank
 * @param tokens   generated tokens in order, never null
 */
public record GeneratedOutput(String sampleId, List<String> tokens) {
    public GeneratedOutput {
        if (sampleId == null || sampleId.isBlank()) throw new IllegalArgumentException("sampleId must not be blank");
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
    }

    /** The generated text, tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }
}
