package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.ingest.RejectReason;

import java.util.List;
import java.util.Map;

/**
 * Result of comparing a checkpoint with its base on a probe set: {@link Compared} (possibly with some
 * targets skipped, each with the reason) or {@link Failed} with a reason code and a message that says
 * what was wrong.
 */
public sealed interface ComparisonOutcome {
    record Compared(String baseModelHash, String checkpointHash, String probeSetHash, List<TargetComparison> targets,
                    List<LostTarget> lost, List<String> skipped, Map<String, Long> stageMillis) implements ComparisonOutcome {
        public Compared {
            targets = List.copyOf(targets);
            lost = List.copyOf(lost);
            skipped = List.copyOf(skipped);
            stageMillis = Map.copyOf(stageMillis);
        }
    }

    record Failed(RejectReason reason, String field, String message) implements ComparisonOutcome {
    }
}
