package io.shiftwatch.bench.e2e;

import io.shiftwatch.bench.Timing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 6 of issue 8: N runs publish their checkpoints at once (each run re-publishes {@code perRun} of
 * the given checkpoints under its own run id); measured until every summary arrived: checkpoints
 * analysed per minute, the analyzer group's consumer lag (sampled every second), per-checkpoint
 * latency including queueing, the CPU the services used (cores busy = CPU seconds / wall), and where the
 * analyzers' time went (their own stage timings summed; in_checkpoint_share = that sum / (wall x instances)).
 */
final class ThroughputRun {
    private ThroughputRun() {
    }

    static Map<String, Object> run(E2eStack stack, List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe,
                                   String runId, int runs, int perRun) throws Exception {
        double cpu0 = cpu(stack.analyzers), auditCpu0 = stack.auditor.cpuSeconds();
        List<String> keys = new ArrayList<>();
        long start = System.currentTimeMillis();
        for (int r = 0; r < runs; r++)
            for (int s = 0; s < perRun; s++) {
                Checkpoints.Checkpoint c = checkpoints.get((r + s) % checkpoints.size());
                String run = runId + "-n" + runs + "-r" + r;
                stack.publish(run, s + 1, base, c.dir(), probe);
                keys.add(Arrivals.key(run, s + 1));
            }
        long maxLag = 0;
        List<Long> lagSeries = new ArrayList<>();
        while (stack.arrivals.summarised(keys) < keys.size()) {
            stack.checkAlive();
            long lag = stack.lag();
            maxLag = Math.max(maxLag, lag);
            lagSeries.add(lag);
            Thread.sleep(1000);
        }
        long end = System.currentTimeMillis();
        double wall = (end - start) / 1000.0;
        double[] latency = keys.stream().mapToDouble(k -> {
            String[] parts = k.split("@");
            Arrivals.Timeline t = stack.arrivals.of(parts[0], Long.parseLong(parts[1]));
            return t.seconds(t.summary);
        }).toArray();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("analyzers", stack.analyzers.size());
        row.put("runs", runs);
        row.put("checkpoints", keys.size());
        row.put("wall_s", wall);
        row.put("checkpoints_per_min", keys.size() / wall * 60);
        row.put("max_lag", maxLag);
        row.put("lag_every_10s", String.valueOf(every(lagSeries, 10)));
        row.put("latency_median_s", Timing.median(latency));
        row.put("latency_p95_s", Timing.quantile(latency, 0.95));
        row.put("analyzer_cores_busy", (cpu(stack.analyzers) - cpu0) / wall);
        row.put("auditor_cores_busy", (stack.auditor.cpuSeconds() - auditCpu0) / wall);
        Map<String, Long> stages = stageTotals(stack, keys);
        row.put("in_checkpoint_share", stages.values().stream().mapToLong(Long::longValue).sum() / 1000.0
                / (wall * stack.analyzers.size()));
        row.put("stage_s_total", String.valueOf(stages.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.format("%.1f", e.getValue() / 1000.0)).toList()));
        row.put("load_avg_end", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return row;
    }

    /** One checkpoint onto each partition, waited for: every analyzer instance has done its base-model work. */
    static void warmUp(E2eStack stack, Checkpoints.Checkpoint c, Path base, Path probe, String runId) throws Exception {
        for (int p = 0; p < 3; p++) {
            stack.publish(runId + "-warm-p" + p, 1, base, c.dir(), probe, p);
            LatencyRun.awaitSummary(stack, stack.arrivals.of(runId + "-warm-p" + p, 1), 1800_000);
        }
    }

    /**
     * The analyzer's own stage times (load, extract_base, extract_checkpoint, concepts_and_drift, write), summed over
     * the given checkpoints; the sub-stages of concepts_and_drift are left out so nothing is counted twice.
     */
    private static Map<String, Long> stageTotals(E2eStack stack, List<String> keys) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String k : keys) {
            String[] parts = k.split("@");
            stack.arrivals.of(parts[0], Long.parseLong(parts[1])).stageMillis.forEach((stage, ms) -> {
                if (List.of("load", "extract_base", "extract_checkpoint", "concepts_and_drift", "write").contains(stage))
                    totals.merge(stage, ms, Long::sum);
            });
        }
        return totals;
    }

    private static double cpu(List<ServiceProcess> services) {
        return services.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
    }

    private static List<Long> every(List<Long> series, int stride) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i += stride) out.add(series.get(i));
        return out;
    }
}
