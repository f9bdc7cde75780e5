package io.shiftwatch.bench.e2e;

import io.shiftwatch.bench.Report;
import io.shiftwatch.bench.Trend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 7 of issue 8: one run re-publishes the same few checkpoints as steps 1..S; the analyzer's and
 * auditor's resident set size (heap + native: DJL arrays that are not closed would show here) is
 * sampled every second against the number of checkpoints analysed so far, and a least-squares line
 * is fitted over the samples after the first {@code warmup} checkpoints: its slope is the growth.
 */
final class MemoryRun {
    private MemoryRun() {
    }

    private record Sample(long analysed, double analyzerMiB, double auditorMiB) {
    }

    static void run(E2eStack stack, List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe, String runId,
                    int steps, int warmup, Report report) throws Exception {
        List<String> keys = new ArrayList<>();
        String run = runId + "-memory";
        for (int s = 1; s <= steps; s++) {
            stack.publish(run, s, base, checkpoints.get((s - 1) % checkpoints.size()).dir(), probe);
            keys.add(Arrivals.key(run, s));
        }
        List<Sample> samples = new ArrayList<>();
        long analysed = 0;
        while (analysed < steps) {
            stack.checkAlive();
            analysed = stack.arrivals.summarised(keys);
            samples.add(new Sample(analysed, stack.analyzers.getFirst().rssMiB(), stack.auditor.rssMiB()));
            Thread.sleep(1000);
        }
        samples.add(new Sample(steps, stack.analyzers.getFirst().rssMiB(), stack.auditor.rssMiB()));
        for (long at = 0; at <= steps; at += Math.max(1, steps / 10)) report.row(rowAt(samples, at));
        List<Sample> fitted = samples.stream().filter(s -> s.analysed() >= warmup).toList();
        double[] x = fitted.stream().mapToDouble(Sample::analysed).toArray();
        report.note(String.format("RSS slope over checkpoints %d..%d (%d samples, least squares): analyzer %+.2f MiB per 100 "
                        + "checkpoints, auditor %+.2f MiB per 100; peak RSS (VmHWM) analyzer %.0f MiB, auditor %.0f MiB", warmup, steps,
                x.length, 100 * Trend.slope(x, fitted.stream().mapToDouble(Sample::analyzerMiB).toArray()),
                100 * Trend.slope(x, fitted.stream().mapToDouble(Sample::auditorMiB).toArray()),
                stack.analyzers.getFirst().peakRssMiB(), stack.auditor.peakRssMiB()));
    }

    /** The last sample taken when {@code at} checkpoints had been analysed (or the first after). */
    private static Map<String, Object> rowAt(List<Sample> samples, long at) {
        Sample pick = samples.getLast();
        for (Sample s : samples) if (s.analysed() <= at) pick = s;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("checkpoints_analysed", pick.analysed());
        row.put("analyzer_rss_mib", pick.analyzerMiB());
        row.put("auditor_rss_mib", pick.auditorMiB());
        return row;
    }
}
