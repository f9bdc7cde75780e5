package io.shiftwatch.models.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a batch into at most two groups of similar sequence length, so that a 10-token question is
 * not padded to a 40-token caption: each group is padded to its own longest sequence. The split point
 * minimises the padded positions {@code sum over groups of size * (prefix + longest)}; the batch stays
 * whole when splitting saves nothing. Under a causal mask a real token never attends to the padding
 * after it, so the summed token loss of the groups equals that of the whole batch (up to float
 * rounding): a mixed batch keeps its mix and does less work. Pure; indices within a group are ascending.
 */
final class LengthBuckets {
    private LengthBuckets() {
    }

    /** Example indices of each group (one or two groups, together every index exactly once). */
    static int[][] split(int[] lengths, int prefix) {
        int n = lengths.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt((Integer i) -> lengths[i])
                .thenComparingInt(i -> i)).toArray(Integer[]::new);
        long longest = prefix + lengths[order[n - 1]];
        long bestCost = n * longest;
        int bestCut = n;
        for (int cut = 1; cut < n; cut++) {
            long cost = cut * (long) (prefix + lengths[order[cut - 1]]) + (n - cut) * longest;
            if (cost < bestCost) {
                bestCost = cost;
                bestCut = cut;
            }
        }
        if (bestCut == n) return new int[][] {IntStream.range(0, n).toArray()};
        int[] shorter = Arrays.stream(order, 0, bestCut).mapToInt(Integer::intValue).sorted().toArray();
        int[] longer = Arrays.stream(order, bestCut, n).mapToInt(Integer::intValue).sorted().toArray();
        return new int[][] {shorter, longer};
    }
}
