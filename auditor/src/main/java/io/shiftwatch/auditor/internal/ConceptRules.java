package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.BiasAbsorbing;
import io.shiftwatch.auditor.BoundCheck;
import io.shiftwatch.auditor.Emerging;
import io.shiftwatch.auditor.LexiconHit;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.Specialising;
import io.shiftwatch.auditor.Vanishing;
import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-checkpoint rules: pure functions of one drift event and the rule config. Each returns
 * empty when its condition does not hold; emergent events only ever yield {@link Emerging}, base
 * concept events never do. Word comparisons are case-insensitive.
 */
public final class ConceptRules {
    private ConceptRules() {
    }

    /** VANISHING: nothing matched, or the match's cosine AND tOverlap are both past their bounds. */
    public static Optional<Vanishing> vanishing(ConceptDriftEvent e, AuditorConfig config) {
        if (e.emergent()) {
            return Optional.empty();
        }
        if (e.matchedConcept() == ConceptDriftEvent.NO_CONCEPT) {
            return Optional.of(new Vanishing(e.step(), e.target(), e.layer(), e.baseConcept(), e.matchedConcept(),
                    config.unmatchedSeverity(), e.baseWords(), e.matchedWords(), null, null));
        }
        Optional<BoundCheck> cosine = MetricBounds.judge(e.nullQuantiles(), AuditorConfig.COSINE, e.cosine(),
                config.nullQuantileTiers(), config.cosineAbsolute());
        Optional<BoundCheck> tOverlap = MetricBounds.judge(e.nullQuantiles(), AuditorConfig.T_OVERLAP, e.tOverlap(),
                config.nullQuantileTiers(), config.tOverlapAbsolute());
        if (cosine.isEmpty() || tOverlap.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = small(e, config, MetricBounds.lower(cosine.get().severity(), tOverlap.get().severity()));
        return Optional.of(new Vanishing(e.step(), e.target(), e.layer(), e.baseConcept(), e.matchedConcept(), severity,
                e.baseWords(), e.matchedWords(), cosine.get(), tOverlap.get()));
    }

    /**
     * SPECIALISING: matched, base words non-empty, T-Overlap in the low tail of its null (quantile below the
     * info tier of nullQuantileTiers, when the event has one), keptShare = |base ∩ matched| / |base| ≥ coreShare,
     * and score = max(domainShare, breadthLoss) reaches a tier of {@code specialisingTiers}, where
     * domainShare = |(matched \ base) ∩ coarseShiftWords| / |matched| and breadthLoss =
     * max(0, 1 − |matched| / |base|). A vanishing concept is not specialising (the cores differ).
     */
    public static Optional<Specialising> specialising(ConceptDriftEvent e, AuditorConfig config) {
        if (e.emergent() || e.matchedConcept() == ConceptDriftEvent.NO_CONCEPT || e.baseWords().isEmpty()) {
            return Optional.empty();
        }
        Double tOverlapQuantile = e.nullQuantiles().get(AuditorConfig.T_OVERLAP);
        if (tOverlapQuantile != null && tOverlapQuantile >= config.nullQuantileTiers().info()) {
            return Optional.empty(); // the words moved no more than re-fitting the base dictionary moves them
        }
        Set<String> base = lower(e.baseWords());
        Set<String> coarse = lower(e.coarseShiftWords());
        List<String> kept = new ArrayList<>();
        List<String> domain = new ArrayList<>();
        for (String word : new LinkedHashSet<>(e.matchedWords())) {
            String w = word.toLowerCase(Locale.ROOT);
            if (base.contains(w)) {
                kept.add(word);
            } else if (coarse.contains(w)) {
                domain.add(word);
            }
        }
        double keptShare = Math.min(1.0, (double) kept.size() / base.size());
        if (keptShare < config.coreShare()) {
            return Optional.empty();
        }
        int matched = lower(e.matchedWords()).size();
        double domainShare = matched == 0 ? 0.0 : (double) domain.size() / matched;
        double breadthLoss = Math.max(0.0, 1.0 - (double) matched / base.size());
        double score = Math.max(domainShare, breadthLoss);
        return config.specialisingTiers().classify(score).map(severity -> new Specialising(e.step(), e.target(),
                e.layer(), e.baseConcept(), e.matchedConcept(), small(e, config, severity), e.baseWords(), e.matchedWords(), kept, domain,
                keptShare, config.coreShare(), domainShare, breadthLoss, score,
                config.specialisingTiers().limit(severity)));
    }

    /**
     * BIAS_ABSORBING. With word weights (analyzer ≥ this version): a sensitive word in matchedWords whose
     * probability under the concept grew by a factor that, relative to the other words of its category
     * in the weights (alone: to the concept's median word), reaches {@code biasGainTiers} — so a concept
     * that now says "woman" where it said "man" is caught even when both words were always among its
     * words, and a drift that lifts both alike is not. Without weights (older events): words of the
     * lexicon in matchedWords or shiftWords that baseWords lacks; CRITICAL with ≥ biasCriticalWords
     * distinct such words in matchedWords, WARNING with ≥ 1 there, INFO when only in shiftWords.
     * Concepts with fewer than minSamples samples stay at INFO.
     */
    public static Optional<BiasAbsorbing> biasAbsorbing(ConceptDriftEvent e, AuditorConfig config) {
        if (e.emergent()) {
            return Optional.empty();
        }
        if (!e.wordWeights().isEmpty()) {
            return BiasGains.judge(e, config).map(b -> b.severity() == small(e, config, b.severity()) ? b
                    : new BiasAbsorbing(b.step(), b.target(), b.layer(), b.baseConcept(), b.matchedConcept(), Severity.INFO,
                    b.baseWords(), b.hits(), b.categories(), b.criticalWords()));
        }
        Set<String> base = lower(e.baseWords());
        Set<String> seen = new HashSet<>();
        List<LexiconHit> hits = new ArrayList<>();
        collectHits(e.matchedWords(), LexiconHit.Where.MATCHED_WORDS, base, seen, hits, config);
        int inGrounding = hits.size();
        collectHits(e.shiftWords(), LexiconHit.Where.SHIFT_WORDS, base, seen, hits, config);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = small(e, config, inGrounding >= config.biasCriticalWords() ? Severity.CRITICAL
                : inGrounding >= 1 ? Severity.WARNING : Severity.INFO);
        List<String> categories = List.copyOf(new TreeSet<>(hits.stream().map(LexiconHit::category).toList()));
        return Optional.of(new BiasAbsorbing(e.step(), e.target(), e.layer(), e.baseConcept(), e.matchedConcept(),
                severity, e.baseWords(), hits, categories, config.biasCriticalWords()));
    }

    /** EMERGING: the event is emergent (a checkpoint concept with no base counterpart). */
    public static Optional<Emerging> emerging(ConceptDriftEvent e, AuditorConfig config) {
        if (!e.emergent()) {
            return Optional.empty();
        }
        return Optional.of(new Emerging(e.step(), e.target(), e.layer(), e.matchedConcept(), config.emergingSeverity(),
                e.matchedWords(), e.sampleCount()));
    }

    private static void collectHits(List<String> words, LexiconHit.Where where, Set<String> base, Set<String> seen,
                                    List<LexiconHit> hits, AuditorConfig config) {
        for (int rank = 0; rank < words.size(); rank++) {
            String w = words.get(rank).toLowerCase(Locale.ROOT);
            if (base.contains(w) || seen.contains(w)) {
                continue;
            }
            Optional<String> category = config.lexicon().categoryOf(w);
            if (category.isPresent()) {
                seen.add(w);
                hits.add(new LexiconHit(w, category.get(), where, rank));
            }
        }
    }

    /** {@code severity}, or INFO when the base concept has fewer samples than minSamples (too small to judge). */
    static Severity small(ConceptDriftEvent e, AuditorConfig config, Severity severity) {
        return e.sampleCount() < config.minSamples() ? Severity.INFO : severity;
    }

    private static Set<String> lower(List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        words.forEach(w -> out.add(w.toLowerCase(Locale.ROOT)));
        return out;
    }
}
