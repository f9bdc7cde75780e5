package io.shiftwatch.analyzer.concepts.internal;

import java.util.stream.IntStream;

/**
 * Splits rows {@code [0, n)} into fixed blocks of {@link #ROWS} rows and runs an action on each,
 * in parallel (common fork-join pool, or the pool the caller runs in) when there is enough work.
 * Block boundaries depend only on {@code n}, and every caller writes per-row results only, so
 * the results never depend on the number of threads.
 */
final class RowBlocks {
    /** Rows per block: a multiple of four, so the four-row kernel groups the same rows whatever the block count. */
    static final int ROWS = 256;
    /** Below this many multiply-adds in total, one thread is faster than forking. */
    private static final long PARALLEL_WORK = 1L << 22;

    private RowBlocks() {
    }

    /** What runs on one block of rows {@code [from, to)}. */
    @FunctionalInterface
    interface Action {
        void run(int from, int to);
    }

    /** Runs {@code action} over all blocks of {@code [0, n)}; {@code workPerRow} = multiply-adds per row. */
    static void forEach(int n, long workPerRow, Action action) {
        int blocks = (n + ROWS - 1) / ROWS;
        IntStream range = IntStream.range(0, blocks);
        if ((long) n * workPerRow >= PARALLEL_WORK && blocks > 1) {
            range = range.parallel();
        }
        range.forEach(b -> action.run(b * ROWS, Math.min(n, (b + 1) * ROWS)));
    }
}
