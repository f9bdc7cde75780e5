package io.shiftwatch.auditor;

import java.util.List;

/** Alerts about one vanishing concept, for recorder, gate and webhook tests. */
public final class AlertFixtures {
    private AlertFixtures() {
    }

    public static Vanishing vanishing(long step, Severity severity, int concept) {
        return new Vanishing(step, "person", 4, concept, concept, severity, List.of("person", "man", "face"),
                List.of("grass", "field"), new BoundCheck("cosine", 0.12, BoundCheck.Source.NULL_QUANTILE, 0.0005, 0.001, severity),
                new BoundCheck("tOverlap", 0.0, BoundCheck.Source.ABSOLUTE, null, 0.05, severity));
    }

    public static Alert alert(String runId, long step, Alert.State state, long firstSeen, Severity severity, int concept) {
        return Alert.of(runId, step, state, firstSeen, step, vanishing(step, severity, concept));
    }
}
