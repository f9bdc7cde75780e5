package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.FindingEntry.MetricCheck;
import io.shiftwatch.auditor.report.ReportModel.AuditVerification;
import io.shiftwatch.auditor.report.ReportModel.CheckpointEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The sentences and cell texts both renderers print, so HTML and PDF say exactly the same. Pure. */
final class ReportText {
    static final String DASH = "-";

    private ReportText() {
    }

    static String title(ReportModel m) {
        return "Shiftwatch compliance report: run " + m.run().runId();
    }

    static String or(String s) {
        return s == null || s.isBlank() ? DASH : s;
    }

    static String number(Double v) {
        return v == null ? DASH : String.format(Locale.ROOT, "%.3f", v);
    }

    static String percent(Double v) {
        return v == null ? DASH : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String time(Instant t) {
        return t == null ? DASH : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String words(List<String> words) {
        return words.isEmpty() ? "(none)" : String.join(", ", words);
    }

    static String millis(Long ms) {
        return ms == null ? DASH : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String stages(Map<String, Long> stageMillis) {
        return stageMillis.isEmpty() ? DASH : stageMillis.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + millis(e.getValue())).collect(Collectors.joining(", "));
    }

    static String checkpointHash(CheckpointEntry c) {
        return or(c.checkpointHash());
    }

    /** "2 CRITICAL, 1 WARNING, 0 INFO findings (1 acknowledged, 0 resolved)". */
    static String verdict(ReportModel m) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0L);
        m.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        long acknowledged = m.findings().stream().filter(f -> "ACKNOWLEDGED".equals(f.state())).count();
        long resolved = m.findings().stream().filter(f -> "RESOLVED".equals(f.state())).count();
        return counts.get(Severity.CRITICAL) + " critical, " + counts.get(Severity.WARNING) + " warning, "
                + counts.get(Severity.INFO) + " info findings (" + acknowledged + " acknowledged, " + resolved
                + " resolved) over " + m.checkpoints().size() + " checkpoints.";
    }

    static String audit(AuditVerification a) {
        if (a.rows() == 0) return "The audit log is empty: there is nothing to verify.";
        String head = "Head of the chain: row " + a.headSeq() + ", hash " + a.headHash() + ".";
        return a.intact()
                ? "VERIFIED: all " + a.rows() + " audit-log rows (" + a.runRows() + " of this run) recompute to their"
                + " stored hashes and link to their predecessors. " + head
                : "BROKEN at row " + a.firstBrokenSeq() + ": its hash or its link to the previous row does not recompute;"
                + " rows from there on cannot be trusted (" + a.rows() + " rows, " + a.runRows() + " of this run). " + head;
    }

    static String findingTitle(FindingEntry f) {
        return f.severity() + " " + f.type() + ": " + f.target() + " / layer " + f.layer() + " / concept " + f.concept();
    }

    static String findingSpan(FindingEntry f) {
        return "state " + f.state() + "; first seen at step " + f.firstStep() + ", last at step " + f.lastStep()
                + "; id " + f.findingId();
    }

    static String[] metricRow(MetricCheck c) {
        return new String[]{c.metric(), number(c.value()), c.boundSource(), number(c.nullQuantile()),
                c.severity().name()};
    }

    static final String[] METRIC_HEADER = {"metric", "value", "bound", "null quantile of value", "tier"};
    static final String[] TIMELINE_HEADER = {"step", "status", "checkpoint hash", "emitted", "analysed", "analysis",
            "stage timings"};

    static String[] timelineRow(CheckpointEntry c) {
        String status = c.failureReason() == null ? c.status() : c.status() + " (" + c.failureReason() + ")";
        return new String[]{Long.toString(c.step()), status, checkpointHash(c), time(c.emittedAt()),
                time(c.analysedAt()), millis(c.analysisMillis()), stages(c.stageMillis())};
    }

    static String footer(ReportModel m, String digest) {
        return "run " + m.run().runId() + " | report SHA-256 " + digest;
    }

    /** The "Run and model identity" table rows (field, value), the same in every format; labels sorted by key. */
    static List<String[]> identityRows(ReportModel.RunIdentity r) {
        List<String[]> rows = new java.util.ArrayList<>(List.of(
                new String[]{"run", r.runId()}, new String[]{"run status", or(r.status())},
                new String[]{"created", time(r.createdAt())}, new String[]{"base model", or(r.baseModelId())},
                new String[]{"base model uri", or(r.baseModelUri())},
                new String[]{"base model format", or(r.baseModelFormat())},
                new String[]{"base model hash", or(r.baseModelHash())}));
        r.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(new String[]{"label " + e.getKey(), e.getValue()}));
        return rows;
    }

    /**
     * What a stored steering evaluation says in words: its "effect" sentence (as {@code steer remediate}
     * writes it) followed by the split it was measured on, or the stored JSON itself when it has none.
     */
    static String steeringEffect(String evaluationJson) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(evaluationJson);
            if (node != null && node.path("effect").isTextual()) {
                String split = node.path("split").asText("");
                return node.get("effect").asText() + (split.isEmpty() ? "" : " (measured on the " + split + ")");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON: shown as stored
        }
        return evaluationJson;
    }
}
