package io.shiftwatch.bench.e2e;

import io.shiftwatch.bench.Report;
import io.shiftwatch.bench.Timing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 4 of issue 8: each checkpoint published on its own (the previous one fully done), so its time
 * is latency, not queueing: event published → summary and drift events on their topics → alerts on
 * the alert topic (waiting {@code settle} after the summary for the auditor's last alert). The first
 * checkpoint on a fresh activation cache pays the base-model work; the rows after it must not.
 */
final class LatencyRun {
    private LatencyRun() {
    }

    static void run(E2eStack stack, List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe, String runId, int k,
                    long settleMillis, Report report) throws Exception {
        List<Double> endToEnd = new ArrayList<>();
        int index = 0;
        for (Checkpoints.Checkpoint c : checkpoints) {
            String run = runId + "-" + c.run();
            stack.publish(run, c.step(), base, c.dir(), probe);
            Arrivals.Timeline t = stack.arrivals.of(run, c.step());
            awaitSummary(stack, t, 1800_000);
            Thread.sleep(settleMillis);
            double e2e = (Math.max(t.summary, Math.max(t.lastDrift, t.lastAlert)) - t.published) / 1000.0;
            if (index++ > 0) endToEnd.add(e2e);
            report.row(row(c, k, t, e2e, stack));
            System.err.printf("e2e latency: K %d, %s step %d: %.1f s (%d drift events, %d alerts)%n", k, c.run(), c.step(),
                    e2e, t.driftEvents, t.alerts);
        }
        double[] rest = endToEnd.stream().mapToDouble(Double::doubleValue).toArray();
        if (rest.length > 0)
            report.note(String.format("K %d: end to end over checkpoints 2..%d (base work cached): median %.1f s, p95 %.1f s",
                    k, checkpoints.size(), Timing.median(rest), Timing.quantile(rest, 0.95)));
    }

    static void awaitSummary(E2eStack stack, Arrivals.Timeline t, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (t.summary == 0) {
            stack.checkAlive();
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("no analysis summary within " + timeoutMillis / 1000 + " s; see the analyzer log");
            Thread.sleep(50);
        }
    }

    private static Map<String, Object> row(Checkpoints.Checkpoint c, int k, Arrivals.Timeline t, double e2e, E2eStack stack) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("K", k);
        row.put("run", c.run());
        row.put("step", c.step());
        row.put("status", t.status);
        row.put("end_to_end_s", e2e);
        row.put("summary_s", t.seconds(t.summary));
        row.put("last_drift_s", t.seconds(t.lastDrift));
        row.put("first_alert_s", t.seconds(t.firstAlert));
        row.put("last_alert_s", t.seconds(t.lastAlert));
        row.put("drift_events", t.driftEvents);
        row.put("alerts", t.alerts);
        for (String stage : List.of("load", "extract_base", "extract_checkpoint", "concepts_and_drift", "write"))
            row.put(stage + "_ms", t.stageMillis.getOrDefault(stage, -1L));
        row.put("other_stages", String.valueOf(otherStages(t.stageMillis)));
        row.put("analyzer_rss_mib", stack.analyzers.getFirst().rssMiB());
        row.put("auditor_rss_mib", stack.auditor.rssMiB());
        row.put("analyzer_peak_rss_mib", stack.analyzers.getFirst().peakRssMiB());
        row.put("auditor_peak_rss_mib", stack.auditor.peakRssMiB());
        return row;
    }

    private static Map<String, Long> otherStages(Map<String, Long> stages) {
        Map<String, Long> other = new LinkedHashMap<>(stages);
        List.of("load", "extract_base", "extract_checkpoint", "concepts_and_drift", "write").forEach(other::remove);
        return other;
    }
}
