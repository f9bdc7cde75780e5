package io.shiftwatch.analyzer.steering;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.probe.ProbeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One probe sample with its labels (e.g. profession, gender): what a {@link SteeringGoal}'s scope is
 * matched against. Never null.
 */
public record Probe(ProbeSample sample, Map<String, String> labels) {
    public Probe {
        Objects.requireNonNull(sample, "sample");
        labels = Map.copyOf(labels);
    }

    /** The probes of {@code set}, in order. */
    public static List<Probe> of(ProbeSet set) {
        List<Probe> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) out.add(new Probe(set.samples().get(i), set.labels().get(i)));
        return out;
    }

    public String id() {
        return sample.id();
    }

    public String answerType() {
        return sample.answerType();
    }
}
