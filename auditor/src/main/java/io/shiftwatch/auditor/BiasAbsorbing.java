package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.Checks;

import java.util.List;

/**
 * BIAS_ABSORBING: the concept's grounding ({@code matchedWords}) or its shift's grounding took on
 * words of a sensitive lexicon that {@code baseWords} did not carry. {@code hits} names each word,
 * its category, list and rank (at least one); {@code categories} are the distinct categories,
 * sorted. Severity: CRITICAL when at least {@code criticalWords} distinct hits are in the
 * grounding itself, WARNING when at least one is, INFO when they are only in the shift's words.
 */
public record BiasAbsorbing(long step, String target, int layer, int baseConcept, int matchedConcept,
                            Severity severity, List<String> baseWords, List<LexiconHit> hits, List<String> categories,
                            int criticalWords) implements Finding {
    public BiasAbsorbing {
        Checks.atLeast(step, 0, "step");
        Checks.text(target, "target");
        Checks.atLeast(baseConcept, 0, "baseConcept");
        Checks.present(severity, "severity");
        baseWords = Checks.list(baseWords, "baseWords");
        hits = Checks.list(hits, "hits");
        categories = Checks.list(categories, "categories");
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("hits must name at least one absorbed word");
        }
        Checks.atLeast(criticalWords, 1, "criticalWords");
    }
}
