package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.util.List;

/**
 * SPECIALISING: the match keeps the concept's core words ({@code keptShare} = |base ∩ matched| /
 * |base| reached {@code coreShareBound}) but fills with fine-tuning-domain words ({@code domainShare}
 * = |(matched \ base) ∩ coarseShiftWords| / |matched|) or narrows ({@code breadthLoss} = 1 −
 * |matched| / |base|, at least 0). {@code score} = max(domainShare, breadthLoss) reached {@code bound},
 * the configured limit of the severity tier. Shares are fractions in [0, 1]; lists never null.
 */
public record Specialising(long step, String target, int layer, int baseConcept, int matchedConcept,
                           Severity severity, List<String> baseWords, List<String> matchedWords,
                           List<String> keptWords, List<String> domainWords, double keptShare, double coreShareBound,
                           double domainShare, double breadthLoss, double score, double bound) implements Finding {
    public Specialising {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(baseConcept, 0, "baseConcept");
        Checks.atLeast(matchedConcept, 0, "matchedConcept");
        Checks.present(severity, "severity");
        baseWords = Checks.list(baseWords, "baseWords");
        matchedWords = Checks.list(matchedWords, "matchedWords");
        keptWords = Checks.list(keptWords, "keptWords");
        domainWords = Checks.list(domainWords, "domainWords");
        Checks.unit(keptShare, "keptShare");
        Checks.unit(coreShareBound, "coreShareBound");
        Checks.unit(domainShare, "domainShare");
        Checks.unit(breadthLoss, "breadthLoss");
        Checks.unit(score, "score");
        Checks.finite(bound, "bound");
    }
}
