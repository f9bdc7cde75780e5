package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.models.ModelAdapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code steer evaluate} (alpha sweep, measured effect, chosen alpha) and {@code steer apply} (outputs before/after). */
final class SteerEvaluate {
    private SteerEvaluate() {
    }

    static int evaluate(Config config, ProgressBar bar) throws Exception {
        SteeringVector v = load(config);
        SteeringGoal goal = SteerCommand.goal(config, v.provenance());
        var set = SteerCommand.probeSet(config);
        List<Probe> probes = SteerCommand.probes(config, set);
        var runner = SteerCommand.runner(config);
        AlphaSweep.Curve curve;
        try (ModelAdapter model = SteerCommand.open(config.get(SteerKeys.MODEL), config)) {
            requireModel(v, model);
            var before = runner.run(model, probes, Optional.empty(), Optional.empty(), "unsteered outputs", bar.within(0, 0.15));
            curve = new AlphaSweep(config.get(SteerKeys.ALPHAS), config.get(SteerKeys.TOLERANCE))
                    .run(model, runner, probes, before, v, goal, bar.within(0.15, 1));
        }
        bar.finish();
        System.out.println("goal " + goal.describe() + " on " + probes.size() + " probes of " + set.id() + "\n");
        System.out.print(SteeringMarkdown.curve(curve));
        float alpha = curve.chosen().map(c -> (float) c.alpha()).orElse(v.alpha());
        SteeringVector evaluated = v.withEvaluation(alpha, SteeringJson.curve(curve, set.contentHash()));
        Path out = config.optional(SteerKeys.OUT).or(() -> config.optional(SteerKeys.VECTOR)).orElse(null);
        SteerCommand.save(config, evaluated, out);
        return 0;
    }

    static int apply(Config config, ProgressBar bar) throws Exception {
        SteeringVector v = load(config);
        double alpha = config.optional(SteerKeys.ALPHA).orElse((double) v.alpha());
        List<Probe> probes = SteerCommand.probes(config, SteerCommand.probeSet(config));
        var runner = SteerCommand.runner(config);
        try (ModelAdapter model = SteerCommand.open(config.get(SteerKeys.MODEL), config)) {
            requireModel(v, model);
            var before = runner.run(model, probes, Optional.empty(), Optional.empty(), "unsteered outputs", bar.within(0, 0.5));
            var after = runner.run(model, probes, Optional.empty(), Optional.of(v.steering(alpha)), "steered outputs", bar.within(0.5, 1));
            bar.finish();
            System.out.println("applied " + v.name() + " (" + v.kind() + ", layer " + v.layer() + ", alpha " + alpha + ", " + v.range() + ")");
            for (int i = 0; i < probes.size(); i++) {
                String b = before.get(i).text(), a = after.get(i).text();
                System.out.println(probes.get(i).id() + " | " + probes.get(i).sample().prompt() + " | " + b
                        + (a.equals(b) ? " | (unchanged)" : " | -> " + a));
            }
        }
        return 0;
    }

    static SteeringVector load(Config config) throws Exception {
        if (config.optional(SteerKeys.VECTOR).isPresent()) return SteeringFiles.read(config.get(SteerKeys.VECTOR));
        if (config.get(SteerKeys.DB) && config.optional(SteerKeys.ID).isPresent()) {
            String id = config.get(SteerKeys.ID);
            return SteerCommand.store(config).load(id).orElseThrow(() ->
                    new IllegalArgumentException("no steering vector with id " + id + " in the database"));
        }
        throw new IllegalArgumentException("name the vector: --vector FILE, or --db --id ID");
    }

    private static void requireModel(SteeringVector v, ModelAdapter model) {
        if (!v.modelHash().equals(model.info().contentHash()))
            System.err.println("note: vector " + v.name() + " was computed on model " + v.modelHash().substring(0, 12)
                    + "…, applying it to " + model.info().contentHash().substring(0, 12) + "… (" + model.info().id() + ")");
        if (v.vector().length != model.info().hiddenSize())
            throw new IllegalArgumentException("vector " + v.name() + " has " + v.vector().length + " values; the model's hidden size is "
                    + model.info().hiddenSize());
    }
}
