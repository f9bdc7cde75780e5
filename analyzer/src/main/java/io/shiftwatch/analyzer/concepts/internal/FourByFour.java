package io.shiftwatch.analyzer.concepts.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel of {@link CentreScores} and {@link CandidateDistances}: dot products of float
 * rows with double centres. Every product has ONE definition, whichever method, block or thread
 * computes it: eight lane sums, lane {@code l} being an FMA chain over dimensions
 * {@code d = l, l + 8, ...} below {@code 8 * floor(D / 8)}, added as
 * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, then the tail dimensions chained on
 * in order. With 512-bit vectors (AVX-512) the eight lanes are one {@code DoubleVector} and
 * {@link #dots} multiplies four rows by four centres per pass (sixteen vector FMA chains, each
 * loaded centre and widened row feeding four of them); elsewhere the same lanes run as scalar
 * {@link Math#fma} chains ({@link #laneDot}), so the bits are the same on every machine.
 */
final class FourByFour {
    /** Rows and centres per kernel call. */
    static final int ROWS = 4;
    static final int CENTRES = 4;
    /** Lanes of the definition above; fixed, so results do not depend on the hardware. */
    static final int LANES = 8;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
    /** Whether the hardware runs 512-bit double vectors (else the Vector API would emulate them slowly). */
    static final boolean SIMD = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    private FourByFour() {
    }

    /**
     * {@code out[i][at + c] = x[from + i] . centres[at + c]} for i in {0..3}, c in {0..3}
     * ({@code out} [4, K]).
     */
    static void dots(float[][] x, int from, double[][] centres, int at, double[][] out) {
        if (!SIMD) {
            for (int i = 0; i < ROWS; i++) {
                for (int c = 0; c < CENTRES; c++) {
                    out[i][at + c] = laneDot(x[from + i], centres[at + c]);
                }
            }
            return;
        }
        float[] r0 = x[from], r1 = x[from + 1], r2 = x[from + 2], r3 = x[from + 3];
        double[] c0 = centres[at], c1 = centres[at + 1], c2 = centres[at + 2], c3 = centres[at + 3];
        DoubleVector z = DoubleVector.zero(DOUBLES);
        DoubleVector a0 = z, a1 = z, a2 = z, a3 = z, b0 = z, b1 = z, b2 = z, b3 = z;
        DoubleVector e0 = z, e1 = z, e2 = z, e3 = z, f0 = z, f1 = z, f2 = z, f3 = z;
        int whole = r0.length - r0.length % LANES;
        for (int d = 0; d < whole; d += LANES) {
            DoubleVector t0 = DoubleVector.fromArray(DOUBLES, c0, d);
            DoubleVector t1 = DoubleVector.fromArray(DOUBLES, c1, d);
            DoubleVector t2 = DoubleVector.fromArray(DOUBLES, c2, d);
            DoubleVector t3 = DoubleVector.fromArray(DOUBLES, c3, d);
            DoubleVector v = widen(r0, d);
            a0 = v.fma(t0, a0);
            a1 = v.fma(t1, a1);
            a2 = v.fma(t2, a2);
            a3 = v.fma(t3, a3);
            v = widen(r1, d);
            b0 = v.fma(t0, b0);
            b1 = v.fma(t1, b1);
            b2 = v.fma(t2, b2);
            b3 = v.fma(t3, b3);
            v = widen(r2, d);
            e0 = v.fma(t0, e0);
            e1 = v.fma(t1, e1);
            e2 = v.fma(t2, e2);
            e3 = v.fma(t3, e3);
            v = widen(r3, d);
            f0 = v.fma(t0, f0);
            f1 = v.fma(t1, f1);
            f2 = v.fma(t2, f2);
            f3 = v.fma(t3, f3);
        }
        double[] lanes = new double[LANES];
        finish(a0, a1, a2, a3, lanes, r0, c0, c1, c2, c3, whole, out[0], at);
        finish(b0, b1, b2, b3, lanes, r1, c0, c1, c2, c3, whole, out[1], at);
        finish(e0, e1, e2, e3, lanes, r2, c0, c1, c2, c3, whole, out[2], at);
        finish(f0, f1, f2, f3, lanes, r3, c0, c1, c2, c3, whole, out[3], at);
    }

    /**
     * {@code out[r][j] = x[i + r] . centres[j]} for every centre j and the rows {@code i + r} below
     * {@code to} (at most four); returns that row count. Full groups of four rows by four centres go
     * through {@link #dots}, the rest pair by pair through {@link #dot} (same bits either way).
     */
    static int rowsByCentres(float[][] x, int i, int to, double[][] centres, double[][] out) {
        int k = centres.length;
        int rows = Math.min(ROWS, to - i);
        int j = 0;
        if (rows == ROWS) {
            for (; j + CENTRES <= k; j += CENTRES) {
                dots(x, i, centres, j, out);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = j; c < k; c++) {
                out[r][c] = dot(x[i + r], centres[c]);
            }
        }
        return rows;
    }

    /** {@code row . centre} by the definition above (one pair; same bits as {@link #dots}). */
    static double dot(float[] row, double[] centre) {
        if (!SIMD) {
            return laneDot(row, centre);
        }
        DoubleVector s = DoubleVector.zero(DOUBLES);
        int whole = row.length - row.length % LANES;
        for (int d = 0; d < whole; d += LANES) {
            s = widen(row, d).fma(DoubleVector.fromArray(DOUBLES, centre, d), s);
        }
        double[] lanes = new double[LANES];
        s.intoArray(lanes, 0);
        return tail(sum(lanes), row, centre, whole);
    }

    /** {@code sum[d] += row[d]} for every d (element-wise, so the same bits with or without vectors). */
    static void addTo(float[] row, double[] sum) {
        int d = 0;
        if (SIMD) {
            for (int whole = row.length - row.length % LANES; d < whole; d += LANES) {
                widen(row, d).add(DoubleVector.fromArray(DOUBLES, sum, d)).intoArray(sum, d);
            }
        }
        for (; d < row.length; d++) {
            sum[d] += row[d];
        }
    }

    /** The definition above in scalar code: eight {@link Math#fma} chains, then the fixed sum and tail. */
    static double laneDot(float[] row, double[] centre) {
        double[] lanes = new double[LANES];
        int whole = row.length - row.length % LANES;
        for (int d = 0; d < whole; d += LANES) {
            for (int l = 0; l < LANES; l++) {
                lanes[l] = Math.fma(row[d + l], centre[d + l], lanes[l]);
            }
        }
        return tail(sum(lanes), row, centre, whole);
    }

    private static DoubleVector widen(float[] row, int d) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, row, d).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static void finish(DoubleVector s0, DoubleVector s1, DoubleVector s2, DoubleVector s3, double[] lanes,
                               float[] row, double[] c0, double[] c1, double[] c2, double[] c3, int whole,
                               double[] out, int at) {
        s0.intoArray(lanes, 0);
        out[at] = tail(sum(lanes), row, c0, whole);
        s1.intoArray(lanes, 0);
        out[at + 1] = tail(sum(lanes), row, c1, whole);
        s2.intoArray(lanes, 0);
        out[at + 2] = tail(sum(lanes), row, c2, whole);
        s3.intoArray(lanes, 0);
        out[at + 3] = tail(sum(lanes), row, c3, whole);
    }

    private static double sum(double[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }

    private static double tail(double s, float[] row, double[] centre, int whole) {
        for (int d = whole; d < row.length; d++) {
            s = Math.fma(row[d], centre[d], s);
        }
        return s;
    }
}
