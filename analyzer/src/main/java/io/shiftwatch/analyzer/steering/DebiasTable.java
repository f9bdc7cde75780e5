package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.Steering;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Debiasing after a bias run (PAPER.md §6), coarse against fine on the same held-out captions. Goal:
 * captions of {@code profession} people shown as {@code other} that say {@code biased} should say
 * {@code other}. Coarse = mean(reference/base states) − mean(bias-checkpoint states) predicting a gender
 * word in the profession's captions, alpha chosen on the search half by {@link FineSearch#score}; fine =
 * the best concept pair of {@link FineSearch} on the search half (alpha 1). Both vectors are stored
 * with {@code --db} (with {@code --run-id} when given) including their held-out evaluation.
 */
final class DebiasTable {
    private DebiasTable() {
    }

    static int run(Config c, ProgressBar bar, String command) throws Exception {
        String profession = c.get(TableKeys.PROFESSION), biased = c.get(TableKeys.BIASED), other = c.get(TableKeys.OTHER);
        var goal = new SteeringGoal(OutputScores.CAPTION, Map.of("profession", profession, "gender", other), biased, other);
        var set = SteerCommand.probeSet(c);
        var split = ProbeSplit.halves(SteerCommand.probes(c, set), c.get(SteerKeys.SEED));
        var runner = SteerCommand.runner(c);
        int layer = c.get(SteerKeys.LAYER);
        Steering.TokenRange range = SteerKeys.range(c.get(SteerKeys.RANGE));
        List<SampleOutput> baseHeld;
        List<SampleOutput> baseSearch;
        try (ModelAdapter base = SteerCommand.open(c.get(SteerKeys.REFERENCE), c)) {
            baseSearch = runner.run(base, split.search(), Optional.of(layer), Optional.empty(), "base, search half", bar.within(0, 0.05));
            baseHeld = runner.run(base, split.heldOut(), Optional.empty(), Optional.empty(), "base, held-out", bar.within(0.05, 0.1));
        }
        StringBuilder t = new StringBuilder("| model / steering | alpha | " + profession + " captions saying '" + biased + "' | "
                + profession + " gender word correct | other professions' gender word correct | caption word recall | moved / affected"
                + " | other captions changed | repetition |\n|---|---|---|---|---|---|---|---|---|\n");
        try (ModelAdapter model = SteerCommand.open(c.get(SteerKeys.MODEL), c)) {
            var search = runner.run(model, split.search(), Optional.of(layer), Optional.empty(), "checkpoint, search half", bar.within(0.1, 0.15));
            var searchPlain = search.stream().map(o -> new SampleOutput(o.probe(), o.tokens(), null)).toList();
            var held = runner.run(model, split.heldOut(), Optional.empty(), Optional.empty(), "checkpoint, held-out", bar.within(0.15, 0.2));
            t.append(row("base model (reference)", "-", SteeringEvaluation.of(goal, 0, baseHeld, baseHeld), baseHeld, c));
            t.append(row("bias checkpoint, no steering", "-", SteeringEvaluation.of(goal, 0, held, held), held, c));
            var coarse = CoarseSteering.byModels(search, baseSearch, Set.of(biased, other),
                    p -> p.answerType().equals(OutputScores.CAPTION) && profession.equals(p.labels().get("profession")));
            var coarseVector = vector(model, goal, SteeringKind.COARSE, layer, coarse.vector(), range, Optional.empty(), c,
                    Map.of("method", "coarse: mean(base states) - mean(checkpoint states) predicting " + biased + "/" + other
                            + " in " + profession + " captions", "rows", Integer.toString(coarse.sourceRows())));
            var curve = new AlphaSweep(c.get(SteerKeys.ALPHAS), 100).run(model, runner, split.search(), searchPlain, coarseVector, goal,
                    bar.within(0.2, 0.55));
            var bestCoarse = curve.points().stream().max(java.util.Comparator.comparingDouble((SteeringEvaluation e) -> FineSearch.score(e, goal))
                    .thenComparingDouble(e -> -e.alpha())).orElseThrow();
            var coarseHeld = runner.run(model, split.heldOut(), Optional.empty(), Optional.of(coarseVector.steering(bestCoarse.alpha())),
                    "coarse, held-out", bar.within(0.55, 0.6));
            var coarseEval = SteeringEvaluation.of(goal, bestCoarse.alpha(), held, coarseHeld);
            t.append(row("+ coarse (base − checkpoint)", SteeringMarkdown.fmt(bestCoarse.alpha()), coarseEval, coarseHeld, c));
            var fine = new FineSearch(KMeansConfig.defaults(c.get(SteerKeys.SEED)).withK(c.get(SteerKeys.K)), c.get(SteerKeys.CANDIDATES), 1.0, range)
                    .rank(model, runner, split.search(), search, goal, layer, bar.within(0.6, 0.95));
            var best = fine.best();
            var gate = new Steering.ConceptGate(fine.dictionary().centroids(), best.from());
            var fineVector = vector(model, goal, SteeringKind.FINE, layer, best.vector(), range, Optional.of(gate), c,
                    Map.of("method", "fine: u_j - u_i over states predicting " + biased + "/" + other + ", gated to concept i",
                            "concepts", best.from() + "->" + best.to(), "ranking", ranking(fine)));
            var fineHeld = runner.run(model, split.heldOut(), Optional.empty(), Optional.of(fineVector.steering()), "fine, held-out",
                    bar.within(0.95, 1));
            var fineEval = SteeringEvaluation.of(goal, 1, held, fineHeld);
            t.append(row("+ fine (concept " + best.from() + " → " + best.to() + ")", "1", fineEval, fineHeld, c));
            store(c, coarseVector, coarseEval, goal, set.contentHash());
            store(c, fineVector, fineEval, goal, set.contentHash());
            String verdict = FineSearch.score(fineEval, goal) > FineSearch.score(coarseEval, goal) ? "Fine beats coarse" : "Fine does NOT beat coarse";
            t.append("\n").append(verdict).append(" on the held-out half by score = moved share − share of other captions changed: fine ")
                    .append(String.format("%.3f", FineSearch.score(fineEval, goal))).append(", coarse ")
                    .append(String.format("%.3f", FineSearch.score(coarseEval, goal))).append(".\n\nCoarse alpha sweep on the search half:\n\n")
                    .append(SteeringMarkdown.curve(curve)).append("\nFine pair ranking on the search half (i→j:score): ").append(ranking(fine)).append('\n');
        }
        SteeringTables.publish(c.optional(TableKeys.DOC).orElse(null), "debias", command, t.toString());
        return 0;
    }

    private static String row(String label, String alpha, SteeringEvaluation e, List<SampleOutput> outputs, Config c) {
        var g = GenderedWords.of(outputs, c.get(TableKeys.PROFESSION), c.get(TableKeys.BIASED), c.get(TableKeys.OTHER));
        var recall = e.accuracy().get(OutputScores.CAPTION);
        return "| " + label + " | " + alpha + " | " + SteeringMarkdown.pct(g.biasedShare()) + "% (n=" + g.professionCaptions() + ") | "
                + SteeringMarkdown.pct(g.professionAccuracy()) + "% | " + SteeringMarkdown.pct(g.othersAccuracy()) + "% (n=" + g.othersCaptions()
                + ") | " + (recall == null ? "-" : SteeringMarkdown.pct(recall.after())) + " | " + e.moved() + " / " + e.affected()
                + " | " + e.collateral() + " / " + e.outOfScope() + " | " + SteeringMarkdown.pct(e.repetitionAfter()) + " |\n";
    }

    private static String ranking(FineSearch.Outcome fine) {
        return String.join(" ", fine.ranked().stream().limit(6).map(p -> p.from() + "→" + p.to() + ":" + String.format("%.3f", p.score())).toList());
    }

    private static SteeringVector vector(ModelAdapter model, SteeringGoal goal, SteeringKind kind, int layer, float[] s,
                                         Steering.TokenRange range, Optional<Steering.ConceptGate> gate, Config c, Map<String, String> extra) {
        var provenance = new TreeMap<>(SteerCommand.goalProvenance(goal));
        provenance.putAll(extra);
        provenance.put("reference", c.get(SteerKeys.REFERENCE).toString());
        provenance.put("checkpoint", c.get(SteerKeys.MODEL).toString());
        return new SteeringVector("debias " + kind.name().toLowerCase() + " " + goal.source() + "->" + goal.target() + "@L" + layer,
                kind, model.info().contentHash(), layer, s, 1f, range, gate, c.optional(SteerKeys.RUN_ID), provenance, "{}");
    }

    private static void store(Config c, SteeringVector v, SteeringEvaluation e, SteeringGoal goal, String probeHash) throws Exception {
        if (!c.get(SteerKeys.DB)) return;
        var json = SteeringJson.evaluation(e, goal).put("probeSetHash", probeHash).put("split", "held-out half");
        System.out.println("stored " + v.name() + " as " + SteerCommand.store(c).save(v.withEvaluation((float) e.alpha(), SteeringJson.write(json))));
    }
}
