package io.shiftwatch.testbed.training;

import io.shiftwatch.testbed.scenario.GroundTruth;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ground-truth manifest of a fine-tuning run: the scenario's {@link GroundTruth} (scenario,
 * parameters, expected changes) plus what was measured on the same held-out inputs before (base
 * weights) and after (last checkpoint): the planted effect and the held-out accuracies.
 */
public record RunReport(Scenario scenario, String runId, int steps, int checkpoints, long seconds, Snapshot before,
                        Snapshot after) {
    /** Measurements of one set of weights. */
    public record Snapshot(PlantedEffect effect, EvalReport accuracy) {
        public static Snapshot of(Scenario scenario, List<Generated> generated) {
            return new Snapshot(PlantedEffect.measure(scenario, generated), EvalReport.of(generated, TextStyle.BASE));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("effect", effect.share());
            m.put("effectCount", effect.count());
            m.put("accuracy", accuracy.asMetadata());
            return m;
        }
    }

    /** JSON shape of ground-truth.json (GroundTruth's fields first; readers of GroundTruth ignore the rest). */
    public Map<String, Object> toMap() {
        GroundTruth gt = scenario.groundTruth();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", gt.scenario());
        m.put("parameters", gt.parameters());
        m.put("changes", gt.changes());
        m.put("runId", runId);
        m.put("steps", steps);
        m.put("checkpoints", checkpoints);
        m.put("seconds", seconds);
        m.put("measure", before.effect().measure());
        m.put("before", before.toMap());
        m.put("after", after.toMap());
        return m;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %s -> %.4f (n=%d); caption accuracy %.4f -> %.4f; worst vqa %.4f -> %.4f; %ds",
                scenario.name(), before.effect(), after.effect().share(), after.effect().count(),
                before.accuracy().captionWordAccuracy(), after.accuracy().captionWordAccuracy(),
                before.accuracy().worstVqaAccuracy(), after.accuracy().worstVqaAccuracy(), seconds);
    }
}
