package io.shiftwatch.analyzer.internal;

import io.shiftwatch.analyzer.extraction.ExtractionProgress;

import java.io.PrintStream;

/**
 * A one-line terminal progress bar for long CLI work ("stage [#####.....] 42% 0:12 elapsed"); on a
 * non-terminal it prints a plain line whenever the stage changes or another 10% is done.
 */
public final class ProgressBar implements ExtractionProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private String lastStage = "";
    private int lastDecile = -1;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(String stage, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int decile = (int) (f * 10);
        if (!terminal && stage.equals(lastStage) && decile == lastDecile) return;
        lastStage = stage;
        lastDecile = decile;
        String line = render(stage, f, (System.nanoTime() - start) / 1_000_000_000L);
        if (terminal) out.print("\r" + line);
        else out.println(line);
        out.flush();
    }

    /** Ends the bar's line on a terminal. */
    public void finish() {
        if (terminal) out.println();
    }

    static String render(String stage, double fraction, long elapsedSeconds) {
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("%-24s [%s%s] %3d%% %d:%02d elapsed", stage, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(fraction * 100), elapsedSeconds / 60, elapsedSeconds % 60);
    }
}
