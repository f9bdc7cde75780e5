package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.TrendFall;
import io.shiftwatch.auditor.TrendJump;
import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.List;
import java.util.Optional;

/**
 * The trend rules over a base concept's metric history: pure functions of the history (points in
 * strictly ascending step order, the last one being {@code e}'s checkpoint) and the rule config.
 * A matched concept is required; when nothing matched, VANISHING speaks instead.
 */
public final class TrendRules {
    private TrendRules() {
    }

    /**
     * TREND_FALL: the last {@code trendWindow} points of {@code trendMetric} fall strictly at every
     * step and the total drop (first − last) reaches a tier of {@code trendFallTiers}. Fewer points
     * than the window: no finding.
     */
    public static Optional<TrendFall> trendFall(ConceptDriftEvent e, List<MetricPoint> history, AuditorConfig config) {
        int window = config.trendWindow();
        if (e.emergent() || e.matchedConcept() == ConceptDriftEvent.NO_CONCEPT || history.size() < window) {
            return Optional.empty();
        }
        List<MetricPoint> last = history.subList(history.size() - window, history.size());
        String metric = config.trendMetric();
        for (int i = 1; i < last.size(); i++) {
            if (!(last.get(i).value(metric) < last.get(i - 1).value(metric))) {
                return Optional.empty();
            }
        }
        double drop = last.getFirst().value(metric) - last.getLast().value(metric);
        return config.trendFallTiers().classify(drop).map(severity -> new TrendFall(e.step(), e.target(), e.layer(),
                e.baseConcept(), severity, metric, last.stream().map(MetricPoint::step).toList(),
                last.stream().map(p -> p.value(metric)).toList(), drop, config.trendFallTiers().limit(severity)));
    }

    /** TREND_JUMP: the drop of {@code trendMetric} from the previous point to the last reaches a tier of {@code trendJumpTiers}. */
    public static Optional<TrendJump> trendJump(ConceptDriftEvent e, List<MetricPoint> history, AuditorConfig config) {
        if (e.emergent() || e.matchedConcept() == ConceptDriftEvent.NO_CONCEPT || history.size() < 2) {
            return Optional.empty();
        }
        String metric = config.trendMetric();
        MetricPoint previous = history.get(history.size() - 2);
        MetricPoint current = history.getLast();
        double drop = previous.value(metric) - current.value(metric);
        return config.trendJumpTiers().classify(drop).map(severity -> new TrendJump(current.step(), e.target(), e.layer(),
                e.baseConcept(), severity, metric, previous.step(), previous.value(metric), current.value(metric), drop,
                config.trendJumpTiers().limit(severity)));
    }
}
