package io.shiftwatch.bench.e2e;

import io.shiftwatch.bench.Machine;
import io.shiftwatch.bench.Options;
import io.shiftwatch.bench.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./shiftwatch bench e2e --mode latency|throughput|memory}: the real analyzer and auditor
 * services ({@link E2eStack}) on the shared dev Kafka/PostgreSQL, fed republished testbed checkpoints.
 * Needs SHIFTWATCH_DB_* and SHIFTWATCH_BOOTSTRAP_SERVERS (source the dev env). {@code --java-opts}
 * becomes the services' JAVA_OPTS (e.g. {@code -Dai.djl.pytorch.num_threads=1}).
 */
public final class E2eBench {
    private static final String RUNS = "/work/cache/lead/runs/control,/work/cache/lead/runs/vanish-circle,"
            + "/work/cache/lead/runs/bias-doctor-woman-0.95,/work/cache/lead/runs/place_focus";

    private E2eBench() {
    }

    public static Report run(Options o, String command) throws Exception {
        String mode = o.string("mode", "latency");
        Report report = new Report("e2e-" + mode, command, Machine.now());
        Path base = Path.of(o.string("base", "/work/cache/base/base")).toAbsolutePath();
        Path probe = Path.of(o.string("probe", "/work/cache/lead/probe1200")).toAbsolutePath();
        List<Checkpoints.Checkpoint> all = new Checkpoints(Arrays.stream(o.string("runs", RUNS).split(","))
                .map(s -> Path.of(s.strip()).toAbsolutePath()).toList()).all();
        List<Checkpoints.Checkpoint> checkpoints = all.subList(0, Math.min(all.size(), o.integer("max-checkpoints", all.size())));
        String runId = "bench-" + System.currentTimeMillis();
        Path work = Path.of(o.string("work", "bench/target/e2e")).toAbsolutePath().resolve(runId);
        Files.createDirectories(work);
        Map<String, String> env = new HashMap<>();
        if (!o.string("java-opts", "").isBlank()) env.put("JAVA_OPTS", o.string("java-opts", ""));
        Path repo = Path.of(o.string("repo", System.getenv().getOrDefault("SHIFTWATCH_ROOT", "."))).toAbsolutePath();
        report.note("probe set " + probe + ", base " + base + ", " + checkpoints.size() + " checkpoints; services' JAVA_OPTS '"
                + env.getOrDefault("JAVA_OPTS", "") + "'; logs and caches in " + work);
        switch (mode) {
            case "latency" -> latency(o, report, repo, work, env, checkpoints, base, probe, runId);
            case "throughput" -> throughput(o, report, repo, work, env, checkpoints, base, probe, runId);
            case "memory" -> {
                try (E2eStack stack = new E2eStack(repo, work, 1, env)) {
                    int steps = o.integer("steps", 100);
                    MemoryRun.run(stack, checkpoints, base, probe, runId, steps, o.integer("warmup", steps / 2),
                            o.integer("probe-every", 10), report);
                }
            }
            default -> throw new IllegalArgumentException("--mode must be latency, throughput or memory, got '" + mode + "'");
        }
        return report;
    }

    /**
     * One stack per K ({@code --k 10,20,40}; default the analyzer's 20). The base activations (independent of K)
     * are cached on disk once for all of them; base dictionaries and null calibration (K-dependent) are not.
     */
    private static void latency(Options o, Report report, Path repo, Path work, Map<String, String> env,
                                List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe, String runId) throws Exception {
        for (int k : o.ints("k", new int[] {20})) {
            Map<String, String> withK = new HashMap<>(env);
            withK.put("SHIFTWATCH_ANALYZER_K", "" + k);
            try (E2eStack stack = new E2eStack(repo, work.resolve("k" + k), work.resolve("activations"), 1, withK)) {
                LatencyRun.run(stack, checkpoints, base, probe, runId + "-k" + k, k, o.integer("settle", 3000), report);
            }
        }
    }

    private static void throughput(Options o, Report report, Path repo, Path work, Map<String, String> env,
                                   List<Checkpoints.Checkpoint> checkpoints, Path base, Path probe, String runId) throws Exception {
        for (int analyzers : o.ints("analyzers", new int[] {1, 2})) {
            try (E2eStack stack = new E2eStack(repo, work.resolve("a" + analyzers), analyzers, env)) {
                ThroughputRun.warmUp(stack, checkpoints.getFirst(), base, probe, runId);
                for (int runs : o.ints("concurrent", new int[] {1, 4, 16})) {
                    report.row(ThroughputRun.run(stack, checkpoints, base, probe, runId + "-a" + analyzers, runs,
                            o.integer("per-run", 1)));
                    System.err.printf("e2e throughput: %d analyzers, %d runs done%n", analyzers, runs);
                }
            }
        }
        report.note("checkpoint topic: 3 partitions; runs keyed by run id (a run's checkpoints stay in order on one partition); "
                + "warm-up: one checkpoint onto each partition first, so no row pays base-model work");
    }
}
