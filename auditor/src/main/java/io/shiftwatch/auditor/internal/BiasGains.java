package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.BiasAbsorbing;
import io.shiftwatch.auditor.LexiconHit;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.WordWeight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The weighted BIAS_ABSORBING rule (see {@link ConceptRules#biasAbsorbing}). For a sensitive word w of
 * category c among the event's word weights, with r(v) = ln(after(v) / before(v)): its relative gain is
 * exp(r(w) − mean r over the other words of c in the weights), or, when w is the only one, exp(r(w) −
 * median r over all weighted words). Only words in the matched concept's grounding count; the gain is
 * classified by {@code biasGainTiers}; the finding's severity is the highest reached. Words are only
 * weighed across a confident match: when the match's cosine already reaches a VANISHING tier (its null
 * quantile, or without one the absolute cosine bound, at INFO or worse) the two concepts are not the
 * same concept and comparing their words says nothing about bias — VANISHING reports that instead.
 */
final class BiasGains {
    private static final double FLOOR = 1e-12;

    private BiasGains() {
    }

    static Optional<BiasAbsorbing> judge(ConceptDriftEvent e, AuditorConfig config) {
        if (MetricBounds.judge(e.nullQuantiles(), AuditorConfig.COSINE, e.cosine(), config.nullQuantileTiers(),
                config.cosineAbsolute()).isPresent()) {
            return Optional.empty();
        }
        List<WordWeight> weights = e.wordWeights();
        double median = median(weights.stream().mapToDouble(BiasGains::logRatio).toArray());
        List<String> matched = e.matchedWords().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<LexiconHit> hits = new ArrayList<>();
        Severity worst = null;
        for (WordWeight w : weights) {
            String word = w.word().toLowerCase(Locale.ROOT);
            Optional<String> category = config.lexicon().categoryOf(word);
            int rank = matched.indexOf(word);
            if (category.isEmpty() || rank < 0) continue;
            List<WordWeight> peers = weights.stream().filter(v -> v != w
                    && config.lexicon().categoryOf(v.word().toLowerCase(Locale.ROOT)).equals(category)).toList();
            double reference = peers.isEmpty() ? median : peers.stream().mapToDouble(BiasGains::logRatio).average().orElse(0);
            double gain = Math.exp(logRatio(w) - reference);
            Optional<Severity> severity = config.biasGainTiers().classify(gain);
            if (severity.isEmpty()) continue;
            hits.add(new LexiconHit(word, category.get(), LexiconHit.Where.MATCHED_WORDS, rank, w.before(), w.after(), gain));
            worst = worst == null || severity.get().compareTo(worst) > 0 ? severity.get() : worst;
        }
        if (hits.isEmpty()) return Optional.empty();
        hits.sort(Comparator.comparingDouble(LexiconHit::relativeGain).reversed());
        List<String> categories = List.copyOf(new TreeSet<>(hits.stream().map(LexiconHit::category).toList()));
        return Optional.of(new BiasAbsorbing(e.step(), e.target(), e.layer(), e.baseConcept(), e.matchedConcept(), worst,
                e.baseWords(), hits, categories, config.biasCriticalWords()));
    }

    static double logRatio(WordWeight w) {
        return Math.log(Math.max(w.after(), FLOOR)) - Math.log(Math.max(w.before(), FLOOR));
    }

    private static double median(double[] values) {
        if (values.length == 0) return 0;
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
