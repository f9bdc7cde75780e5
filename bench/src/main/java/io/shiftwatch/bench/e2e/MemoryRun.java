package io.shiftwatch.bench.e2e;

import io.shiftwatch.bench.Report;
import io.shiftwatch.bench.Trend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Item 7 of issue 8: one run re-publishes the same few checkpoints as steps 1..S. The analyzer's and
 * auditor's resident set size (heap + native: DJL arrays that are not closed would show here) is
 * sampled every second against the number of checkpoints analysed so far; every {@code probeEvery}
 * checkpoints both JVMs get a full GC and their memory is split ({@link MemoryBreakdown}: live heap,
 * what the JVM tracks, native memory it does not). Least-squares lines fitted over the checkpoints
 * from {@code fitFrom} on give the growth per checkpoint.
 */
final class MemoryRun {
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private MemoryRun() {
    }

    private record Sample(long analysed, double analyzerMiB, double auditorMiB) {
    }

    private record Probe(long analysed, MemoryBreakdown analyzer, MemoryBreakdown auditor) {
    }

    static void run(E2eStack stack, List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe, String runId,
                    int steps, int fitFrom, int probeEvery, Report report) throws Exception {
        List<String> keys = new ArrayList<>();
        String run = runId + "-memory";
        for (int s = 1; s <= steps; s++) {
            stack.publish(run, s, base, checkpoints.get((s - 1) % checkpoints.size()).dir(), probe);
            keys.add(Arrivals.key(run, s));
        }
        List<Sample> samples = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        long analysed = 0;
        long nextProbe = probeEvery;
        while (analysed < steps) {
            stack.checkAlive();
            analysed = stack.arrivals.summarised(keys);
            samples.add(sample(stack, analysed));
            if (analysed >= nextProbe) {
                probes.add(probe(stack, analysed));
                while (nextProbe <= analysed) nextProbe += probeEvery;
            }
            Thread.sleep(1000);
        }
        samples.add(sample(stack, steps));
        if (probes.isEmpty() || probes.getLast().analysed() < steps) probes.add(probe(stack, steps));
        probes.forEach(p -> report.row(row(p)));
        report.note(slopes(samples, probes, fitFrom, steps, stack));
    }

    private static Sample sample(E2eStack stack, long analysed) {
        return new Sample(analysed, stack.analyzers.getFirst().rssMiB(), stack.auditor.rssMiB());
    }

    private static Probe probe(E2eStack stack, long analysed) throws Exception {
        Probe p = new Probe(analysed, MemoryBreakdown.afterFullGc(stack.analyzers.getFirst().pid(), JCMD),
                MemoryBreakdown.afterFullGc(stack.auditor.pid(), JCMD));
        System.err.printf("e2e memory: %d checkpoints analysed; analyzer RSS %.0f MiB (live heap %.0f, untracked native %.0f), "
                + "auditor RSS %.0f MiB%n", analysed, p.analyzer().rss(), p.analyzer().heapLive(),
                p.analyzer().untrackedNative(), p.auditor().rss());
        return p;
    }

    private static Map<String, Object> row(Probe p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("checkpoints_analysed", p.analysed());
        put(row, "analyzer", p.analyzer());
        put(row, "auditor", p.auditor());
        return row;
    }

    private static void put(Map<String, Object> row, String service, MemoryBreakdown m) {
        row.put(service + "_rss_mib", m.rss());
        row.put(service + "_heap_live_mib", m.heapLive());
        row.put(service + "_heap_committed_mib", m.heapCommitted());
        row.put(service + "_jvm_committed_mib", m.jvmCommitted());
        row.put(service + "_untracked_native_mib", m.untrackedNative());
    }

    private static String slopes(List<Sample> samples, List<Probe> probes, int fitFrom, int steps, E2eStack stack) {
        List<Sample> s = samples.stream().filter(x -> x.analysed() >= fitFrom).toList();
        List<Probe> p = probes.stream().filter(x -> x.analysed() >= fitFrom).toList();
        double[] sx = s.stream().mapToDouble(Sample::analysed).toArray();
        double[] px = p.stream().mapToDouble(Probe::analysed).toArray();
        return String.format("growth per 100 checkpoints, least squares over checkpoints %d..%d (%d RSS samples, %d full-GC probes): "
                        + "analyzer RSS %+.1f MiB (after full GCs %+.1f), live heap %+.1f MiB, untracked native %+.1f MiB; "
                        + "auditor RSS %+.1f MiB (after full GCs %+.1f), live heap %+.1f MiB, untracked native %+.1f MiB; "
                        + "peak RSS (VmHWM) analyzer %.0f MiB, auditor %.0f MiB",
                fitFrom, steps, sx.length, px.length,
                per100(sx, s, Sample::analyzerMiB), per100(px, p, x -> x.analyzer().rss()),
                per100(px, p, x -> x.analyzer().heapLive()), per100(px, p, x -> x.analyzer().untrackedNative()),
                per100(sx, s, Sample::auditorMiB), per100(px, p, x -> x.auditor().rss()),
                per100(px, p, x -> x.auditor().heapLive()), per100(px, p, x -> x.auditor().untrackedNative()),
                stack.analyzers.getFirst().peakRssMiB(), stack.auditor.peakRssMiB());
    }

    /** 100 x the least-squares slope, or NaN when fewer than two distinct checkpoint counts were seen. */
    private static <T> double per100(double[] x, List<T> points, ToDoubleFunction<T> y) {
        if (java.util.Arrays.stream(x).distinct().count() < 2) return Double.NaN;
        return 100 * Trend.slope(x, points.stream().mapToDouble(y).toArray());
    }
}
