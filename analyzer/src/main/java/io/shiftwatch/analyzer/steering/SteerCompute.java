package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.Steering;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code steer compute}: a coarse vector (two answer subsets, or a reference model) or a fine one (pair search). */
final class SteerCompute {
    private SteerCompute() {
    }

    static int run(Config config, ProgressBar bar) throws Exception {
        if (config.optional(SteerKeys.OUT).isEmpty() && !config.get(SteerKeys.DB))
            throw new IllegalArgumentException("say where the vector goes: --out FILE and/or --db");
        var set = SteerCommand.probeSet(config);
        List<Probe> probes = SteerCommand.probes(config, set);
        SteeringGoal goal = SteerCommand.goal(config, Map.of());
        int layer = config.get(SteerKeys.LAYER);
        var runner = SteerCommand.runner(config);
        try (ModelAdapter model = SteerCommand.open(config.get(SteerKeys.MODEL), config)) {
            var before = runner.run(model, probes, Optional.of(layer), Optional.empty(), "steered model states", bar);
            Map<String, String> provenance = new TreeMap<>(SteerCommand.goalProvenance(goal));
            provenance.put("probeSetHash", set.contentHash());
            provenance.put("probeSetId", set.id());
            provenance.put("probes", Integer.toString(probes.size()));
            provenance.put("model", config.get(SteerKeys.MODEL).toString());
            SteeringVector v = config.get(SteerKeys.KIND).equals("fine")
                    ? fine(config, model, runner, probes, before, goal, layer, provenance, bar)
                    : coarse(config, model, runner, probes, before, goal, layer, provenance, bar);
            System.out.printf("%s %s: layer %d, |s| = %.4f, %s%n", v.kind(), v.name(), v.layer(), v.norm(), v.provenance());
            SteerCommand.save(config, v, config.optional(SteerKeys.OUT).orElse(null));
        }
        return 0;
    }

    private static SteeringVector coarse(Config config, ModelAdapter model, ProbeRunner runner, List<Probe> probes,
                                         List<SampleOutput> before, SteeringGoal goal, int layer,
                                         Map<String, String> provenance, ProgressBar bar) {
        CoarseSteering.Result r;
        if (config.optional(SteerKeys.REFERENCE).isPresent()) {
            try (ModelAdapter reference = SteerCommand.open(config.get(SteerKeys.REFERENCE), config)) {
                var refOut = runner.run(reference, probes, Optional.of(layer), Optional.empty(), "reference model states", bar);
                Set<String> at = new HashSet<>(config.optional(SteerKeys.AT).orElse(List.of(goal.source(), goal.target())));
                r = CoarseSteering.byModels(before, refOut, at, stateScope(config, goal));
                provenance.put("method", "coarse: mean(reference states) - mean(model states) predicting " + at);
                provenance.put("reference", config.get(SteerKeys.REFERENCE).toString());
                provenance.put("referenceModelHash", reference.info().contentHash());
            }
        } else {
            r = CoarseSteering.byAnswers(before, goal);
            provenance.put("method", "coarse: mean(states predicting target) - mean(states predicting source)");
        }
        provenance.put("sourceRows", Integer.toString(r.sourceRows()));
        provenance.put("targetRows", Integer.toString(r.targetRows()));
        return new SteeringVector(name(config, goal, "coarse", layer), SteeringKind.COARSE, model.info().contentHash(), layer,
                r.vector(), 1f, SteerKeys.range(config.get(SteerKeys.RANGE)), Optional.empty(),
                config.optional(SteerKeys.RUN_ID), provenance, "{}");
    }

    /** Probes of the goal's answer type with the {@code --state-scope} labels (default: in the goal's scope). */
    static java.util.function.Predicate<Probe> stateScope(Config config, SteeringGoal goal) {
        if (config.optional(SteerKeys.STATE_SCOPE).isEmpty()) return goal::inScope;
        var labels = new SteeringGoal(goal.answerType(), SteerKeys.scope(config.get(SteerKeys.STATE_SCOPE)), goal.source(), goal.target());
        return labels::inScope;
    }

    private static SteeringVector fine(Config config, ModelAdapter model, ProbeRunner runner, List<Probe> probes,
                                       List<SampleOutput> before, SteeringGoal goal, int layer,
                                       Map<String, String> provenance, ProgressBar bar) {
        var kmeans = KMeansConfig.defaults(config.get(SteerKeys.SEED)).withK(config.get(SteerKeys.K));
        var search = new FineSearch(kmeans, config.get(SteerKeys.CANDIDATES), 1.0, SteerKeys.range(config.get(SteerKeys.RANGE)));
        var outcome = search.rank(model, runner, probes, before, goal, layer, bar);
        var best = outcome.best();
        provenance.put("method", "fine: u_j - u_i of a K-Means dictionary over states predicting source/target, gated to concept i");
        provenance.put("concepts", best.from() + "->" + best.to());
        provenance.put("dictionary", "kmeans k=" + outcome.dictionary().k() + " seed=" + kmeans.seed());
        provenance.put("searchScore", String.format("%.4f", best.score()));
        provenance.put("ranking", String.join(" ", outcome.ranked().stream().limit(6)
                .map(p -> p.from() + "->" + p.to() + ":" + String.format("%.3f", p.score())).toList()));
        return new SteeringVector(name(config, goal, "fine", layer), SteeringKind.FINE, model.info().contentHash(), layer,
                best.vector(), 1f, search.range(), Optional.of(new Steering.ConceptGate(outcome.dictionary().centroids(), best.from())),
                config.optional(SteerKeys.RUN_ID), provenance, "{}");
    }

    private static String name(Config config, SteeringGoal goal, String kind, int layer) {
        return config.optional(SteerKeys.NAME).orElse(kind + " " + goal.source() + "->" + goal.target() + "@L" + layer);
    }
}
