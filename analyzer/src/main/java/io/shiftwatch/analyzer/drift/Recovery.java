package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.OptionalDouble;

/**
 * How much the shifted concept {@code u^s_k = u^a_k + alpha Delta_k} recovers the matched
 * checkpoint concept {@code u^b = u^b_pi(k)} (PAPER.md §4, recovery):
 * <ul>
 * <li>{@code cosine = (cos(u^b, u^s) - cos(u^b, u^a)) / cos(u^b, u^a)}, the normalised cosine
 *     improvement, exactly as the paper writes it (a negative denominator flips the sign);</li>
 * <li>{@code l2 = (||u^b - u^a|| - ||u^b - u^s||) / ||u^b - u^a||}, the fraction of the distance
 *     to {@code u^b} that the shift removes (1 = reaches u^b, 0 = no closer, negative = farther);</li>
 * <li>{@code tOverlapShifted = T-Overlap(words(u^s), words(u^b))} against
 *     {@code tOverlapBase = T-Overlap(words(u^a), words(u^b))}, with the shifted concept's words.</li>
 * </ul>
 * Zero denominators: when the numerator is also zero (u^s = u^a, in particular a checkpoint equal
 * to the base) the recovery is 0; otherwise it is undefined and the value is empty (|denominator|
 * below 1e-12 counts as zero). Never null.
 */
public record Recovery(OptionalDouble cosine, OptionalDouble l2, double tOverlapShifted, double tOverlapBase,
                       GroundedWords shiftedWords) {

    static final double ZERO = 1e-12;

    public Recovery {
        if (cosine == null || l2 == null || shiftedWords == null) {
            throw new IllegalArgumentException("cosine, l2 and shiftedWords must not be null");
        }
    }

    /** T-Overlap gained by shifting: {@code tOverlapShifted - tOverlapBase}. */
    public double tOverlapGain() {
        return tOverlapShifted - tOverlapBase;
    }

    /** Cosine recovery of {@code shifted} = u^s [D] from {@code base} = u^a towards {@code matched} = u^b. */
    public static OptionalDouble cosineRecovery(double[] matched, double[] shifted, double[] base) {
        requireSameLength(matched, shifted, base);
        double before = Vectors.cosine(matched, base);
        double after = Vectors.cosine(matched, shifted);
        return ratio(after - before, before);
    }

    /** L2 recovery of {@code shifted} = u^s [D] from {@code base} = u^a towards {@code matched} = u^b. */
    public static OptionalDouble l2Recovery(double[] matched, double[] shifted, double[] base) {
        requireSameLength(matched, shifted, base);
        double before = Math.sqrt(Vectors.squaredDistance(matched, base));
        double after = Math.sqrt(Vectors.squaredDistance(matched, shifted));
        if (Math.abs(before) < ZERO) {
            // u^b = u^a: 0 when the shift stays put too, otherwise no distance to normalise by.
            return Vectors.squaredDistance(shifted, base) < ZERO * ZERO ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        return OptionalDouble.of((before - after) / before);
    }

    private static OptionalDouble ratio(double numerator, double denominator) {
        if (Math.abs(denominator) < ZERO) {
            return Math.abs(numerator) < ZERO ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator / denominator);
    }

    private static void requireSameLength(double[] matched, double[] shifted, double[] base) {
        Vectors.requireLength(shifted, matched.length, "shifted concept u^s");
        Vectors.requireLength(base, matched.length, "base concept u^a");
    }
}
