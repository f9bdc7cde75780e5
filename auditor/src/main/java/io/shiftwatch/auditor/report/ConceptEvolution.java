package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.Severity;

import java.util.List;
import java.util.Objects;

/**
 * How one base concept of (target, layer) evolved over the run's checkpoints: its base words and, per
 * analysed step, the match's T-Overlap and cosine and the concept's shift magnitude. {@code flag} is the
 * highest severity of the run's findings on this concept, null when none.
 */
public record ConceptEvolution(String target, int layer, int baseConcept, List<String> baseWords,
                               List<ConceptPoint> points, Severity flag) {
    public ConceptEvolution {
        Objects.requireNonNull(target, "target");
        baseWords = List.copyOf(baseWords);
        points = List.copyOf(points);
    }

    public boolean flagged() {
        return flag != null;
    }

    /** Label a reader recognises: target, layer, index and the first base words. */
    public String label() {
        return target + " / L" + layer + " / #" + baseConcept;
    }

    /**
     * The metrics at one step; a value is null when it was not measured (e.g. no match: cosine null).
     * T-Overlap and cosine are fractions, magnitude is the L2 norm of the shift vector.
     */
    public record ConceptPoint(long step, Double tOverlap, Double cosine, Double magnitude) {
    }
}
