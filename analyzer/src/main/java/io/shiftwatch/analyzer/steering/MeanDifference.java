package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.internal.Vectors;

/** The coarse steering vector as pure math (PAPER.md §6): {@code s_c = mean(B) - mean(A)}. */
public final class MeanDifference {
    private MeanDifference() {
    }

    /**
     * {@code mean(target rows) - mean(source rows)}, accumulated in double.
     *
     * @param source [|A|, D], at least one row
     * @param target [|B|, D], at least one row, same D
     * @return [D]
     */
    public static float[] of(float[][] source, float[][] target) {
        if (source.length == 0 || target.length == 0)
            throw new IllegalArgumentException("a mean difference needs rows on both sides, got " + source.length
                    + " source and " + target.length + " target rows");
        int d = Vectors.requireMatrix(source, "source states [|A|, D]");
        int dt = Vectors.requireMatrix(target, "target states [|B|, D]");
        if (d != dt) throw new IllegalArgumentException("source states have width " + d + ", target states " + dt);
        return Vectors.toFloat(Vectors.subtract(Vectors.mean(target), Vectors.mean(source)));
    }

    /** {@code u_j - u_i} (PAPER.md §6, fine-grained), [D]. */
    public static float[] between(float[] from, float[] to) {
        if (from.length != to.length) throw new IllegalArgumentException("concepts have widths " + from.length + " and " + to.length);
        float[] s = new float[from.length];
        for (int i = 0; i < s.length; i++) s[i] = (float) ((double) to[i] - from[i]);
        return s;
    }
}
