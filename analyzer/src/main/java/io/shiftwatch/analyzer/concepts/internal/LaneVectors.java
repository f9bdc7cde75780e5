package io.shiftwatch.analyzer.concepts.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FourByFour}'s products on the Vector API: the eight lanes of its definition are one
 * 512-bit {@code DoubleVector} (lane-wise {@code fma} is {@link Math#fma}, so each lane is the
 * same chain as the scalar twin). Only loaded when {@code jdk.incubator.vector} is in the boot
 * layer; only used when the hardware has 512-bit vectors (the API emulates wider vectors slowly).
 */
final class LaneVectors {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;

    private LaneVectors() {
    }

    static boolean native512() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 && DOUBLES.length() == FourByFour.LANES;
    }

    /**
     * {@code out[i][at + c] = x[from + i] . centres[at + c]} for i, c in {0..3}: sixteen vector
     * FMA chains, each loaded centre and widened row feeding four of them.
     */
    static void dots(float[][] x, int from, double[][] centres, int at, double[][] out) {
        float[] r0 = x[from], r1 = x[from + 1], r2 = x[from + 2], r3 = x[from + 3];
        double[] c0 = centres[at], c1 = centres[at + 1], c2 = centres[at + 2], c3 = centres[at + 3];
        DoubleVector z = DoubleVector.zero(DOUBLES);
        DoubleVector a0 = z, a1 = z, a2 = z, a3 = z, b0 = z, b1 = z, b2 = z, b3 = z;
        DoubleVector e0 = z, e1 = z, e2 = z, e3 = z, f0 = z, f1 = z, f2 = z, f3 = z;
        int whole = FourByFour.whole(r0.length);
        for (int d = 0; d < whole; d += FourByFour.LANES) {
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
        double[] lanes = new double[FourByFour.LANES];
        finish(a0, a1, a2, a3, lanes, r0, c0, c1, c2, c3, whole, out[0], at);
        finish(b0, b1, b2, b3, lanes, r1, c0, c1, c2, c3, whole, out[1], at);
        finish(e0, e1, e2, e3, lanes, r2, c0, c1, c2, c3, whole, out[2], at);
        finish(f0, f1, f2, f3, lanes, r3, c0, c1, c2, c3, whole, out[3], at);
    }

    /** One pair: one vector FMA chain. */
    static double dot(float[] row, double[] centre) {
        DoubleVector s = DoubleVector.zero(DOUBLES);
        int whole = FourByFour.whole(row.length);
        for (int d = 0; d < whole; d += FourByFour.LANES) {
            s = widen(row, d).fma(DoubleVector.fromArray(DOUBLES, centre, d), s);
        }
        double[] lanes = new double[FourByFour.LANES];
        s.intoArray(lanes, 0);
        return FourByFour.tail(FourByFour.sum(lanes), row, centre, whole);
    }

    /** {@code sum[d] += row[d]} over the whole lanes; returns where the scalar tail starts. */
    static int addTo(float[] row, double[] sum) {
        int whole = FourByFour.whole(row.length);
        for (int d = 0; d < whole; d += FourByFour.LANES) {
            widen(row, d).add(DoubleVector.fromArray(DOUBLES, sum, d)).intoArray(sum, d);
        }
        return whole;
    }

    private static DoubleVector widen(float[] row, int d) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, row, d).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static void finish(DoubleVector s0, DoubleVector s1, DoubleVector s2, DoubleVector s3, double[] lanes,
                               float[] row, double[] c0, double[] c1, double[] c2, double[] c3, int whole,
                               double[] out, int at) {
        out[at] = reduce(s0, lanes, row, c0, whole);
        out[at + 1] = reduce(s1, lanes, row, c1, whole);
        out[at + 2] = reduce(s2, lanes, row, c2, whole);
        out[at + 3] = reduce(s3, lanes, row, c3, whole);
    }

    private static double reduce(DoubleVector s, double[] lanes, float[] row, double[] centre, int whole) {
        s.intoArray(lanes, 0);
        return FourByFour.tail(FourByFour.sum(lanes), row, centre, whole);
    }
}
