package io.shiftwatch.dashboards.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the runs list and the run page (records, serialised by Jackson as they are). */
public final class RunViews {
    private RunViews() {
    }

    /** One row of the runs list; {@code openAlerts} maps severity to unacknowledged, unresolved findings. */
    public record RunSummary(String runId, String status, String baseModelId, String baseModelFormat, Instant createdAt,
                             Long latestStep, int checkpoints, int analysed, Map<String, Integer> openAlerts) {
    }

    /** A checkpoint on the timeline with its analysis status and progress (stage/fraction null when none). */
    public record CheckpointView(String checkpointId, long step, String status, String failureReason, Instant receivedAt,
                                 String stage, Double fraction, String analysisId, Map<String, Long> timingsMs) {
    }

    /** One base concept's value at one analysed step; {@code matched} null when it vanished. */
    public record Point(long step, Integer matched, Double tOverlap, Double cosine, Double magnitude) {
    }

    /** A base concept (target, layer, index) of a run, its grounding label and series; {@code flag} is the worst open severity. */
    public record ConceptSeries(String target, int layer, int concept, List<String> label, String flag, List<Point> points) {
    }

    /** The coarse shift of one checkpoint at (target, layer): "what fine-tuning added". */
    public record CoarseShift(long step, String target, int layer, double magnitude, List<String> words) {
    }

    /** A checkpoint concept with no base counterpart. */
    public record Emergent(long step, String target, int layer, int concept, double bestCosine, List<String> words) {
    }

    /** Who acknowledged a finding and why. */
    public record Ack(int seq, String who, String why, Instant at) {
    }

    /** A finding of the auditor with its evidence and acknowledgements. */
    public record FindingView(String findingId, String type, String severity, String state, String target, int layer,
                              int concept, long firstSeenStep, long lastSeenStep, JsonNode evidence, Instant updatedAt,
                              List<Ack> acknowledgements) {
    }

    /** The whole run page. */
    public record RunDetail(RunSummary run, List<CheckpointView> checkpoints, List<ConceptSeries> concepts,
                            List<CoarseShift> coarseShifts, List<Emergent> emergent, List<FindingView> findings) {
    }
}
