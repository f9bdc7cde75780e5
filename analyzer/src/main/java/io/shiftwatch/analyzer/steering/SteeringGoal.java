package io.shiftwatch.analyzer.steering;

import java.util.Map;
import java.util.Objects;

/**
 * What a steering vector should do: outputs of probes in scope that say {@code source} should say
 * {@code target} instead (e.g. yes/no answers "yes" -> "no"; captions of doctors "woman" -> "man").
 * A probe is in scope when its answer type equals {@code answerType} and every {@code scope} label matches.
 *
 * @param answerType "yes/no", "number", "colour", "other" or "caption"; never blank
 * @param scope      label key -> required value; may be empty
 * @param source     the word to move away from, never blank
 * @param target     the word to move to, never blank, different from source
 */
public record SteeringGoal(String answerType, Map<String, String> scope, String source, String target) {
    public SteeringGoal {
        if (answerType == null || answerType.isBlank()) throw new IllegalArgumentException("goal answer type must not be blank");
        scope = Map.copyOf(Objects.requireNonNull(scope, "scope"));
        if (source == null || source.isBlank() || target == null || target.isBlank() || source.equals(target))
            throw new IllegalArgumentException("a goal needs two different non-blank words, got '" + source + "' -> '" + target + "'");
    }

    /** True when the probe has the goal's answer type and all its scope labels. */
    public boolean inScope(Probe probe) {
        if (!probe.answerType().equals(answerType)) return false;
        for (var e : scope.entrySet()) if (!e.getValue().equals(probe.labels().get(e.getKey()))) return false;
        return true;
    }

    /** "yes/no: yes -> no" (with the scope when there is one). */
    public String describe() {
        return answerType + (scope.isEmpty() ? "" : " " + new java.util.TreeMap<>(scope)) + ": " + source + " -> " + target;
    }
}
