package io.shiftwatch.analyzer.concepts.internal;

/**
 * The micro-kernel of {@link CentreScores}: dot products of two float rows with four double
 * centres in one pass, eight FMA chains in registers. {@link #dot} is the same chain for one pair,
 * so a product has the same bits whichever of the two computes it.
 */
final class TwoByFour {
    private TwoByFour() {
    }

    /** {@code out[r][at + c] = row_r . centre_c} for r in {0, 1}, c in {0..3}. */
    static void dots(float[] r0, float[] r1, double[] c0, double[] c1, double[] c2, double[] c3,
                     double[][] out, int at) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int d = 0; d < r0.length; d++) {
            double v = r0[d];
            double w = r1[d];
            double t0 = c0[d], t1 = c1[d], t2 = c2[d], t3 = c3[d];
            s00 = Math.fma(v, t0, s00);
            s01 = Math.fma(v, t1, s01);
            s02 = Math.fma(v, t2, s02);
            s03 = Math.fma(v, t3, s03);
            s10 = Math.fma(w, t0, s10);
            s11 = Math.fma(w, t1, s11);
            s12 = Math.fma(w, t2, s12);
            s13 = Math.fma(w, t3, s13);
        }
        double[] o0 = out[0];
        double[] o1 = out[1];
        o0[at] = s00;
        o0[at + 1] = s01;
        o0[at + 2] = s02;
        o0[at + 3] = s03;
        o1[at] = s10;
        o1[at + 1] = s11;
        o1[at + 2] = s12;
        o1[at + 3] = s13;
    }

    /** {@code row . centre} as one FMA chain in dimension order. */
    static double dot(float[] row, double[] centre) {
        double s = 0;
        for (int d = 0; d < row.length; d++) {
            s = Math.fma(row[d], centre[d], s);
        }
        return s;
    }
}
