package io.shiftwatch.auditor.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential backoff between webhook attempts, without jitter so a schedule is reproducible:
 * attempt 1 is immediate; attempt n ≥ 2 waits {@code initial × factor^(n-2)}, capped at {@code max}.
 * {@code attempts} is the total number of attempts (≥ 1) before an alert is dead-lettered.
 */
public record Backoff(int attempts, Duration initial, double factor, Duration max) {
    public Backoff {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1 but was " + attempts);
        if (initial == null || initial.isNegative()) throw new IllegalArgumentException("initial must be >= 0 but was " + initial);
        if (!(factor >= 1.0)) throw new IllegalArgumentException("factor must be >= 1 but was " + factor);
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be >= initial (" + initial + ") but was " + max);
        }
    }

    /** The wait before attempt {@code attempt} (1-based): zero for the first. */
    public Duration delayBefore(int attempt) {
        if (attempt < 1 || attempt > attempts) {
            throw new IllegalArgumentException("attempt must be within 1.." + attempts + " but was " + attempt);
        }
        if (attempt == 1) return Duration.ZERO;
        double millis = initial.toMillis() * Math.pow(factor, attempt - 2);
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
    }

    /** Whether another attempt follows attempt {@code attempt}. */
    public boolean hasNext(int attempt) {
        return attempt < attempts;
    }

    /** Every wait, attempt 1 first (for logs and docs). */
    public List<Duration> schedule() {
        List<Duration> delays = new ArrayList<>(attempts);
        for (int a = 1; a <= attempts; a++) delays.add(delayBefore(a));
        return delays;
    }
}
