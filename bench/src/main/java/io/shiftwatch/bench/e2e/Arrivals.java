package io.shiftwatch.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What arrived on the output topics for each checkpoint (run, step), in the bench's clock
 * (milliseconds since the epoch): when its event was published, its first and last drift event, its
 * analysis summary (with the analyzer's stage timings) and its first and last alert. Thread-safe.
 */
final class Arrivals {
    /** One checkpoint's timeline; fields are 0 until seen. */
    static final class Timeline {
        volatile long published;
        volatile long firstDrift;
        volatile long lastDrift;
        volatile long summary;
        volatile long firstAlert;
        volatile long lastAlert;
        volatile int driftEvents;
        volatile int alerts;
        volatile String status = "";
        volatile Map<String, Long> stageMillis = Map.of();

        double seconds(long at) {
            return at == 0 ? Double.NaN : (at - published) / 1000.0;
        }
    }

    private final Map<String, Timeline> byCheckpoint = new ConcurrentHashMap<>();

    static String key(String runId, long step) {
        return runId + "@" + step;
    }

    Timeline of(String runId, long step) {
        return byCheckpoint.computeIfAbsent(key(runId, step), k -> new Timeline());
    }

    synchronized void drift(String runId, long step, long at) {
        Timeline t = of(runId, step);
        if (t.firstDrift == 0) t.firstDrift = at;
        t.lastDrift = at;
        t.driftEvents++;
    }

    synchronized void alert(String runId, long step, long at) {
        Timeline t = of(runId, step);
        if (t.firstAlert == 0) t.firstAlert = at;
        t.lastAlert = at;
        t.alerts++;
    }

    synchronized void summary(String runId, long step, long at, String status, Map<String, Long> stageMillis) {
        Timeline t = of(runId, step);
        t.summary = at;
        t.status = status;
        t.stageMillis = new LinkedHashMap<>(stageMillis);
    }

    /** How many of the given checkpoints have their summary. */
    long summarised(Iterable<String> keys) {
        long n = 0;
        for (String k : keys) {
            Timeline t = byCheckpoint.get(k);
            if (t != null && t.summary != 0) n++;
        }
        return n;
    }
}
