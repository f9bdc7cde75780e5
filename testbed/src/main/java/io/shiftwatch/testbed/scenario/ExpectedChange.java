package io.shiftwatch.testbed.scenario;

import java.util.Objects;

/**
 * One change a scenario is known to plant: the concept (a word such as "circle", "doctor", a place
 * word or a question type), its kind, and for BIAS / ANSWER_SHIFT the word it moves towards
 * ("woman", "no"); {@code towards} is null otherwise.
 */
public record ExpectedChange(String concept, ChangeKind kind, String towards) {
    public ExpectedChange {
        if (concept == null || concept.isBlank()) throw new IllegalArgumentException("expected change needs a concept");
        Objects.requireNonNull(kind, "kind");
        if ((kind == ChangeKind.BIAS || kind == ChangeKind.ANSWER_SHIFT) != (towards != null))
            throw new IllegalArgumentException(kind + " change of '" + concept + "': 'towards' is required for BIAS and "
                    + "ANSWER_SHIFT and must be null otherwise, got " + towards);
    }
}
