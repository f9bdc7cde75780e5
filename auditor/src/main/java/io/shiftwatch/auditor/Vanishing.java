package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.util.List;

/**
 * VANISHING: no checkpoint concept matches base concept {@code baseConcept} any more. Either
 * nothing matched ({@code matchedConcept} is -1, {@code cosine} and {@code tOverlap} are null) or
 * the match's cosine AND T-Overlap both fell below their bounds ({@code cosine}, {@code tOverlap}
 * say which bound and value; the severity is the lower of the two tiers). Word lists never null.
 */
public record Vanishing(long step, String target, int layer, int baseConcept, int matchedConcept, Severity severity,
                        List<String> baseWords, List<String> matchedWords, BoundCheck cosine, BoundCheck tOverlap)
        implements Finding {
    public Vanishing {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(baseConcept, 0, "baseConcept");
        Checks.present(severity, "severity");
        baseWords = Checks.list(baseWords, "baseWords");
        matchedWords = Checks.list(matchedWords, "matchedWords");
        if ((matchedConcept < 0) != (cosine == null && tOverlap == null)
                || (matchedConcept >= 0 && (cosine == null || tOverlap == null))) {
            throw new IllegalArgumentException("cosine and tOverlap bounds must both be given for a matched concept"
                    + " and both be null when nothing matched (matchedConcept " + matchedConcept + ")");
        }
    }
}
