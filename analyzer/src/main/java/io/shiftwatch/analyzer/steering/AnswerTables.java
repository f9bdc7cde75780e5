package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.models.ModelAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VQA, caption and alpha tables (PAPER.md §6) on one model: per goal a coarse vector
 * {@code mean(states predicting target) - mean(states predicting source)} on the search half, alpha
 * from the sweep on the search half, measured once on the held-out half.
 */
final class AnswerTables {
    private AnswerTables() {
    }

    /** One goal: its vector, the search-half curve and the held-out measurement at the chosen alpha. */
    record GoalResult(SteeringGoal goal, SteeringVector vector, AlphaSweep.Curve curve, double alpha, SteeringEvaluation heldOut) {
    }

    static int vqa(Config c, ProgressBar bar, String command) throws Exception {
        var results = measure(c, bar, c.optional(TableKeys.GOALS).orElse(List.of("yes/no:yes:no", "number:1:2", "colour:red:blue")));
        List<String> types = results.getFirst().heldOut().types();
        StringBuilder t = new StringBuilder("| steering | alpha | " + String.join(" | ", types.stream().map(x -> x + " acc").toList())
                + " | original answers removed | target answers added | moved / affected |\n" + "|---".repeat(types.size() + 5) + "|\n");
        t.append(vqaRow("none", "-", results.getFirst().heldOut(), types, true));
        for (GoalResult r : results)
            t.append(vqaRow(r.goal().source() + " → " + r.goal().target() + " (" + r.goal().answerType() + ")",
                    SteeringMarkdown.fmt(r.alpha()) + (r.curve().chosen().isEmpty() ? " (none within tolerance)" : ""), r.heldOut(), types, false));
        SteeringTables.publish(c.optional(TableKeys.DOC).orElse(null), "vqa", command, t + "\n" + curves(results));
        return 0;
    }

    static int caption(Config c, ProgressBar bar, String command) throws Exception {
        var results = measure(c, bar, c.optional(TableKeys.GOALS).orElse(List.of("caption:beach:snow", "caption:red:blue")));
        StringBuilder t = new StringBuilder("| steering | alpha | captions | gain rate (target word added) | moved / affected"
                + " | caption word recall before → after | repetition before → after |\n|---|---|---|---|---|---|---|\n");
        for (GoalResult r : results) {
            var e = r.heldOut();
            var acc = e.accuracy().get(OutputScores.CAPTION);
            t.append("| ").append(r.goal().source()).append(" → ").append(r.goal().target()).append(" | ").append(SteeringMarkdown.fmt(r.alpha()))
                    .append(" | ").append(acc.n()).append(" | ").append(SteeringMarkdown.pct((double) e.added() / acc.n())).append("% | ")
                    .append(e.moved()).append(" / ").append(e.affected()).append(" | ").append(SteeringMarkdown.pct(acc.before()))
                    .append(" → ").append(SteeringMarkdown.pct(acc.after())).append(" | ").append(SteeringMarkdown.pct(e.repetitionBefore()))
                    .append(" → ").append(SteeringMarkdown.pct(e.repetitionAfter())).append(" |\n");
        }
        SteeringTables.publish(c.optional(TableKeys.DOC).orElse(null), "caption", command, t + "\n" + curves(results));
        return 0;
    }

    static int alpha(Config c, ProgressBar bar, String command) throws Exception {
        SteeringGoal goal = TableKeys.goal(c.optional(TableKeys.GOALS).orElse(List.of("caption:beach:snow")).getFirst());
        var split = ProbeSplit.halves(SteerCommand.probes(c, SteerCommand.probeSet(c)), c.get(SteerKeys.SEED));
        var runner = SteerCommand.runner(c);
        int layer = c.get(SteerKeys.LAYER);
        AlphaSweep.Curve curve;
        SteeringVector v;
        try (ModelAdapter model = SteerCommand.open(c.get(SteerKeys.MODEL), c)) {
            var search = runner.run(model, split.search(), Optional.of(layer), Optional.empty(), "search-half states", bar.within(0, 0.1));
            v = coarse(model, goal, layer, CoarseSteering.byAnswers(search, goal), c);
            var held = runner.run(model, split.heldOut(), Optional.empty(), Optional.empty(), "held-out outputs", bar.within(0.1, 0.2));
            curve = new AlphaSweep(c.get(SteerKeys.ALPHAS), c.get(SteerKeys.TOLERANCE))
                    .run(model, runner, split.heldOut(), held, v, goal, bar.within(0.2, 1));
        }
        String body = "Goal " + goal.describe() + ", coarse vector at layer " + layer + " (|s| = " + String.format("%.3f", v.norm())
                + "), measured on " + split.heldOut().size() + " held-out probes.\n\n" + SteeringMarkdown.curve(curve);
        SteeringTables.publish(c.optional(TableKeys.DOC).orElse(null), "alpha", command, body);
        return 0;
    }

    static List<GoalResult> measure(Config c, ProgressBar bar, List<String> goalSpecs) throws Exception {
        var split = ProbeSplit.halves(SteerCommand.probes(c, SteerCommand.probeSet(c)), c.get(SteerKeys.SEED));
        var runner = SteerCommand.runner(c);
        int layer = c.get(SteerKeys.LAYER);
        var sweep = new AlphaSweep(c.get(SteerKeys.ALPHAS), c.get(SteerKeys.TOLERANCE));
        List<GoalResult> out = new ArrayList<>();
        try (ModelAdapter model = SteerCommand.open(c.get(SteerKeys.MODEL), c)) {
            var search = runner.run(model, split.search(), Optional.of(layer), Optional.empty(), "search-half states", bar.within(0, 0.1));
            var held = runner.run(model, split.heldOut(), Optional.empty(), Optional.empty(), "held-out outputs", bar.within(0.1, 0.2));
            for (int g = 0; g < goalSpecs.size(); g++) {
                SteeringGoal goal = TableKeys.goal(goalSpecs.get(g));
                ExtractionProgress part = bar.within(share(g, goalSpecs.size()), share(g + 1, goalSpecs.size()));
                out.add(measureGoal(model, runner, split, search, held, goal, c, sweep, part));
            }
        }
        return out;
    }

    /** Progress after {@code done} of {@code total} goals (exactly 1 at the end: no rounding past the bar's range). */
    private static double share(int done, int total) {
        return done == total ? 1.0 : 0.2 + 0.8 * done / total;
    }

    private static GoalResult measureGoal(ModelAdapter model, ProbeRunner runner, ProbeSplit split, List<SampleOutput> search,
                                          List<SampleOutput> held, SteeringGoal goal, Config c, AlphaSweep sweep, ExtractionProgress part) {
        SteeringVector v = coarse(model, goal, c.get(SteerKeys.LAYER), CoarseSteering.byAnswers(search, goal), c);
        var searchPlain = search.stream().map(o -> new SampleOutput(o.probe(), o.tokens(), null)).toList();
        var curve = sweep.run(model, runner, split.search(), searchPlain, v, goal, part.within(0, 0.85));
        double alpha = curve.chosen().map(SteeringEvaluation::alpha).orElse(sweep.alphas().getFirst());
        var after = runner.run(model, split.heldOut(), Optional.empty(), Optional.of(v.steering(alpha)), "held-out, steered", part.within(0.85, 1));
        return new GoalResult(goal, v, curve, alpha, SteeringEvaluation.of(goal, alpha, held, after));
    }

    static SteeringVector coarse(ModelAdapter model, SteeringGoal goal, int layer, CoarseSteering.Result r, Config c) {
        var provenance = new java.util.TreeMap<>(SteerCommand.goalProvenance(goal));
        provenance.put("method", "coarse: mean(states predicting target) - mean(states predicting source), search half");
        return new SteeringVector("coarse " + goal.source() + "->" + goal.target() + "@L" + layer, SteeringKind.COARSE,
                model.info().contentHash(), layer, r.vector(), 1f, SteerKeys.range(c.get(SteerKeys.RANGE)), Optional.empty(),
                Optional.empty(), provenance, "{}");
    }

    private static String vqaRow(String label, String alpha, SteeringEvaluation e, List<String> types, boolean before) {
        StringBuilder out = new StringBuilder("| " + label + " | " + alpha + " | ");
        for (String t : types) {
            var a = e.accuracy().get(t);
            out.append(a == null ? "-" : SteeringMarkdown.pct(before ? a.before() : a.after())).append(" | ");
        }
        return out + (before ? "0 | 0 | - |\n" : "-" + e.removed() + " | +" + e.added() + " | " + e.moved() + " / " + e.affected() + " |\n");
    }

    private static String curves(List<GoalResult> results) {
        StringBuilder out = new StringBuilder();
        for (GoalResult r : results)
            out.append("Alpha sweep on the search half, ").append(r.goal().describe()).append(" (|s| = ")
                    .append(String.format("%.3f", r.vector().norm())).append("):\n\n").append(SteeringMarkdown.curve(r.curve())).append('\n');
        return out.toString();
    }
}
