package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The shift of base concept {@code k} from base to checkpoint (PAPER.md §4): {@code samples} is
 * {@code A_k = {m : k = argmax_i v^a_i(a_m)}} (sample indices, ascending), {@code shiftVector} is
 * {@code Delta_k = mean over A_k of delta_m = b_m - a_m} [D], {@code shiftedConcept} is
 * {@code u^s_k = u^a_k + alpha Delta_k} [D], {@code magnitude} is {@code ||Delta_k||}, and
 * {@code consistency} describes the spread of the {@code delta_m}. Arrays read-only; never null.
 */
public record ConceptShift(int concept, int[] samples, double[] shiftVector, double[] shiftedConcept,
                           double alpha, double magnitude, ShiftConsistency consistency) implements ShiftOutcome {

    public ConceptShift {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("a concept shift needs at least one sample; use NoSamples");
        }
        Vectors.requireLength(shiftedConcept, shiftVector.length, "shiftedConcept");
        samples = samples.clone();
        shiftVector = shiftVector.clone();
        shiftedConcept = shiftedConcept.clone();
    }

    /**
     * Shift outcome of every base concept [K_a], for paired states {@code a} and {@code b} [M, D]
     * (row m of both is sample m) and the base dictionary (same D; fitted on any samples).
     */
    public static List<ShiftOutcome> compute(float[][] a, float[][] b, ConceptDictionary base, double alpha) {
        int d = requirePaired(a, b);
        if (d != base.dimension()) {
            throw new IllegalArgumentException("states have D = " + d + " but the base dictionary has D = "
                    + base.dimension());
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        int[] nearest = base.nearestConcepts(a);
        List<ShiftOutcome> out = new ArrayList<>(base.k());
        for (int k = 0; k < base.k(); k++) {
            out.add(shiftOf(k, members(nearest, k), a, b, base.concept(k), alpha));
        }
        return out;
    }

    private static ShiftOutcome shiftOf(int k, int[] members, float[][] a, float[][] b, float[] concept,
                                        double alpha) {
        if (members.length == 0) {
            return new NoSamples(k);
        }
        int d = concept.length;
        double[][] deltas = new double[members.length][d];
        double[] shift = new double[d];
        for (int i = 0; i < members.length; i++) {
            int m = members[i];
            for (int j = 0; j < d; j++) {
                deltas[i][j] = (double) b[m][j] - a[m][j];
                shift[j] += deltas[i][j];
            }
        }
        double[] shifted = new double[d];
        for (int j = 0; j < d; j++) {
            shift[j] /= members.length;
            shifted[j] = concept[j] + alpha * shift[j];
        }
        return new ConceptShift(k, members, shift, shifted, alpha, Vectors.norm(shift),
                ShiftConsistency.of(deltas, shift));
    }

    private static int[] members(int[] nearest, int k) {
        int count = 0;
        for (int c : nearest) {
            count += c == k ? 1 : 0;
        }
        int[] m = new int[count];
        for (int i = 0, j = 0; i < nearest.length; i++) {
            if (nearest[i] == k) {
                m[j++] = i;
            }
        }
        return m;
    }

    /** Checks that a and b are both [M, D] with the same M and D; returns D. */
    static int requirePaired(float[][] a, float[][] b) {
        int da = Vectors.requireMatrix(a, "base states a [M, D]");
        int db = Vectors.requireMatrix(b, "checkpoint states b [M, D]");
        if (a.length != b.length || da != db) {
            throw new IllegalArgumentException("base states have shape [" + a.length + ", " + da
                    + "] but checkpoint states have shape [" + b.length + ", " + db
                    + "]: both must hold the same samples in the same order");
        }
        return da;
    }
}
