package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.Steering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The remediation of one bias finding (PAPER.md §6, issue #7): on the probes that show the finding's
 * target word, the absorbed word {@code h} is the finding's word the checkpoint says most often instead
 * of the base, its counterpart {@code r} the word the base said at that position. The vector is coarse:
 * mean(base states) − mean(checkpoint states) predicting {@code h} or {@code r}, on the search half;
 * alpha maximises {@link RemedyEffect#score} on the search half; the effect is measured on the held-out
 * half. Deterministic (seeded split, greedy decoding).
 */
final class Remedy {
    private Remedy() {
    }

    /** A computed remedy or why there is none. */
    sealed interface Result permits Outcome, Skipped {
    }

    /** What was computed: the words, the vector, the alpha curve (search half) and the held-out effect. */
    record Outcome(String absorbed, String counterpart, float[] vector, Steering.TokenRange range, int layer,
                   List<RemedyEffect> curve, RemedyEffect heldOut, int rows, String modelHash) implements Result {
    }

    /** Why no vector was computed for a finding (a value, so one finding never stops the others). */
    record Skipped(String reason) implements Result {
    }

    /** Probes showing {@code target}: a label with that value, or the word in the expected output. */
    static Predicate<Probe> showing(String target) {
        return p -> p.labels().containsValue(target) || (p.sample().expected() != null
                && OutputScores.words(p.sample().expected()).contains(target));
    }

    /** The in-scope probes (at most {@code maxScope}) followed by out-of-scope ones (at most {@code maxOther}), in order. */
    static List<Probe> select(List<Probe> all, Predicate<Probe> scope, int maxScope, int maxOther) {
        List<Probe> in = new ArrayList<>(), out = new ArrayList<>();
        for (Probe p : all) {
            if (scope.test(p)) {
                if (in.size() < maxScope) in.add(p);
            } else if (out.size() < maxOther) out.add(p);
        }
        in.addAll(out);
        return in;
    }

    /**
     * The absorbed word: among {@code words}, the one with the largest rise (checkpoint − base) in how
     * many in-scope outputs say it; empty when none rose.
     */
    static Optional<String> absorbed(List<String> words, Predicate<Probe> scope, List<SampleOutput> base, List<SampleOutput> checkpoint) {
        String best = null;
        int bestRise = 0;
        for (String w : words) {
            int rise = 0;
            for (int i = 0; i < base.size(); i++)
                if (scope.test(base.get(i).probe())) rise += (checkpoint.get(i).says(w) ? 1 : 0) - (base.get(i).says(w) ? 1 : 0);
            if (rise > bestRise) {
                best = w;
                bestRise = rise;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The counterpart of {@code absorbed}: over in-scope probes where the checkpoint says it and the base
     * does not, the base's most frequent token at the checkpoint's position of the word (ties: the
     * alphabetically first); empty when the base never had a token there.
     */
    static Optional<String> counterpart(String absorbed, Predicate<Probe> scope, List<SampleOutput> base, List<SampleOutput> checkpoint) {
        Map<String, Integer> votes = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            SampleOutput b = base.get(i), c = checkpoint.get(i);
            if (!scope.test(b.probe()) || b.says(absorbed)) continue;
            int at = c.tokens().indexOf(absorbed);
            if (at >= 0 && at < b.tokens().size()) votes.merge(b.tokens().get(at), 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).map(Map.Entry::getKey);
    }

    /** Runs the remediation of one finding; {@code probes} are already selected (see {@link #select}). */
    static Result compute(Remediable f, List<Probe> probes, Settings s, ExtractionProgress progress) {
        Predicate<Probe> scope = showing(f.target());
        if (probes.stream().noneMatch(scope)) return new Skipped("no probe shows '" + f.target() + "'");
        var split = ProbeSplit.halves(probes, s.seed());
        List<Probe> ordered = new ArrayList<>(split.search());
        ordered.addAll(split.heldOut());
        List<SampleOutput> base;
        int layer;
        try (ModelAdapter model = s.open().apply(f.base())) {
            layer = s.layer() < 0 ? model.info().numLayers() : s.layer();
            base = s.runner().run(model, ordered, Optional.of(layer), Optional.empty(), "base model", progress.within(0, 0.2));
        }
        try (ModelAdapter model = s.open().apply(f.checkpoint())) {
            var ckpt = s.runner().run(model, ordered, Optional.of(layer), Optional.empty(), "checkpoint", progress.within(0.2, 0.4));
            Optional<String> h = absorbed(f.words(), scope, base, ckpt);
            if (h.isEmpty()) return new Skipped("the checkpoint does not say " + f.words() + " more often than the base on the "
                    + scopeCount(probes, scope) + " probes showing '" + f.target() + "'");
            Optional<String> r = counterpart(h.get(), scope, base, ckpt);
            if (r.isEmpty()) return new Skipped("the base says nothing where the checkpoint says '" + h.get() + "'; no counterpart word");
            return steer(model, split, base, ckpt, h.get(), r.get(), scope, layer, s, progress.within(0.4, 1));
        }
    }

    private static Result steer(ModelAdapter model, ProbeSplit split, List<SampleOutput> base, List<SampleOutput> ckpt, String h, String r,
                                Predicate<Probe> scope, int layer, Settings s, ExtractionProgress progress) {
        int n = split.search().size();
        List<SampleOutput> baseSearch = base.subList(0, n), ckptSearch = ckpt.subList(0, n);
        CoarseSteering.Result coarse;
        try {
            coarse = CoarseSteering.byModels(ckptSearch, baseSearch, Set.of(h, r), scope);
        } catch (IllegalArgumentException e) {
            return new Skipped("on the search half " + e.getMessage());
        }
        List<RemedyEffect> curve = new ArrayList<>();
        for (int i = 0; i < s.alphas().size(); i++) {
            double a = s.alphas().get(i);
            var steered = s.runner().run(model, split.search(), Optional.empty(),
                    Optional.of(new Steering(layer, coarse.vector(), (float) a, s.range(), Optional.empty())),
                    "alpha " + a, progress.within(0.8 * i / s.alphas().size(), 0.8 * (i + 1) / s.alphas().size()));
            curve.add(RemedyEffect.of(a, h, r, scope, baseSearch, ckptSearch, steered));
        }
        RemedyEffect best = curve.stream().max(Comparator.comparingDouble(RemedyEffect::score)
                .thenComparingDouble(e -> -e.alpha())).orElseThrow();
        var held = s.runner().run(model, split.heldOut(), Optional.empty(),
                Optional.of(new Steering(layer, coarse.vector(), (float) best.alpha(), s.range(), Optional.empty())),
                "held-out, steered", progress.within(0.8, 1));
        var effect = RemedyEffect.of(best.alpha(), h, r, scope, base.subList(n, base.size()), ckpt.subList(n, ckpt.size()), held);
        return new Outcome(h, r, coarse.vector(), s.range(), layer, curve, effect, coarse.sourceRows(), model.info().contentHash());
    }

    private static long scopeCount(List<Probe> probes, Predicate<Probe> scope) {
        return probes.stream().filter(scope).count();
    }

    /** How to run: model opener, runner, steering layer (negative: the last block) and range, alphas of the search, split seed. */
    record Settings(java.util.function.Function<java.nio.file.Path, ModelAdapter> open, ProbeRunner runner, int layer,
                    Steering.TokenRange range, List<Double> alphas, long seed) {
        Settings {
            alphas = List.copyOf(alphas);
            if (alphas.isEmpty()) throw new IllegalArgumentException("the remediation needs at least one alpha");
        }
    }
}
