package io.shiftwatch.testbed.training;

import io.shiftwatch.models.TrainingStepResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Training progress on stderr: on a terminal one line redrawn with {@code \r} (at most every 200 ms),
 * otherwise a plain log line every {@code logEvery} steps and at the end. The line shows
 * step/total, a bar, loss (exponential moving average, alpha 0.1), learning rate, elapsed time and
 * ETA. {@link #format} is the pure formatter. Not thread-safe.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 24;
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final int logEvery;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastDrawNanos;
    private double smoothedLoss = Double.NaN;

    public ProgressBar(PrintStream out, boolean terminal, int total, LongSupplier nanoClock) {
        if (total <= 0) throw new IllegalArgumentException("total steps must be > 0, got " + total);
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.logEvery = Math.max(1, total / 20);
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos - 1_000_000_000L;
    }

    /** On stderr, redrawn in place when the JVM has a console. */
    public static ProgressBar onStderr(int total) {
        return new ProgressBar(System.err, System.console() != null, total, System::nanoTime);
    }

    /** Records one finished step and redraws or logs as due. */
    public void update(TrainingStepResult result) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? result.loss() : 0.9 * smoothedLoss + 0.1 * result.loss();
        long now = nanoClock.getAsLong();
        Duration elapsed = Duration.ofNanos(now - startNanos);
        boolean last = result.step() >= total;
        String line = format(result.step(), total, smoothedLoss, result.learningRate(), elapsed);
        if (terminal) {
            if (last || now - lastDrawNanos >= 200_000_000L) {
                out.print("\r" + line + (last ? "\n" : ""));
                out.flush();
                lastDrawNanos = now;
            }
        } else if (last || result.step() % logEvery == 0) {
            out.println(line);
        }
    }

    /** Mean loss over recent steps (EMA), NaN before the first step. */
    public double smoothedLoss() {
        return smoothedLoss;
    }

    /**
     * "step 120/1000 [###.....] 12% loss 1.2345 lr 8.00e-04 elapsed 0:12 eta 1:28"; the ETA assumes
     * the remaining steps take as long on average as the done ones ("--:--" before the first step).
     */
    public static String format(int step, int total, double loss, double learningRate, Duration elapsed) {
        if (step < 0 || step > total) throw new IllegalArgumentException("step " + step + " outside 0.." + total);
        int filled = (int) ((long) BAR_WIDTH * step / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String eta = step == 0 ? "--:--" : clock(elapsed.multipliedBy(total - step).dividedBy(step));
        return String.format(Locale.ROOT, "step %d/%d [%s] %3d%% loss %.4f lr %.2e elapsed %s eta %s",
                step, total, bar, 100L * step / total, loss, learningRate, clock(elapsed), eta);
    }

    /** "m:ss" or "h:mm:ss". */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
