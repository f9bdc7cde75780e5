package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.util.List;

/**
 * EMERGING: checkpoint concept {@code newConcept} has no base counterpart. {@code words} is its
 * grounding, {@code sampleCount} the probe samples it was measured on; its severity is configured
 * ({@code emerging.severity}, INFO by default) since a new concept is news, not necessarily harm.
 */
public record Emerging(long step, String target, int layer, int newConcept, Severity severity, List<String> words,
                       int sampleCount) implements Finding {
    public Emerging {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(newConcept, 0, "newConcept");
        Checks.present(severity, "severity");
        words = Checks.list(words, "words");
        Checks.atLeast(sampleCount, 0, "sampleCount");
    }
}
