package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecoveryTest {

    private static final double[] UA = {1, 0};
    private static final double[] UB = {1, 1};

    @Test
    void shiftReachingTheMatchRecoversFully() {
        // Given u^a = (1,0), u^b = u^s = (1,1): cos(u^b,u^a) = 1/sqrt2, cos(u^b,u^s) = 1
        // → cosine recovery (1 - 1/sqrt2) / (1/sqrt2) = sqrt2 - 1; ||u^b-u^a|| = 1, ||u^b-u^s|| = 0 → L2 recovery 1
        double[] us = {1, 1};

        // When
        double cosine = Recovery.cosineRecovery(UB, us, UA).orElseThrow();
        double l2 = Recovery.l2Recovery(UB, us, UA).orElseThrow();

        // Then
        assertEquals(Math.sqrt(2) - 1, cosine, 1e-15);
        assertEquals(1.0, l2, 1e-15);
    }

    @Test
    void halfwayShiftByHand() {
        // Given u^s = (1, 0.5): cos(u^b,u^s) = 1.5/(sqrt2*sqrt1.25); ||u^b-u^s|| = 0.5 → L2 recovery 0.5
        double[] us = {1, 0.5};

        // When
        double cosine = Recovery.cosineRecovery(UB, us, UA).orElseThrow();
        double l2 = Recovery.l2Recovery(UB, us, UA).orElseThrow();

        // Then
        double before = 1 / Math.sqrt(2);
        double after = 1.5 / (Math.sqrt(2) * Math.sqrt(1.25));
        assertEquals((after - before) / before, cosine, 1e-15);
        assertEquals(0.5, l2, 1e-15);
    }

    @Test
    void noShiftRecoversNothing() {
        // Given u^s = u^a
        // When
        double cosine = Recovery.cosineRecovery(UB, UA, UA).orElseThrow();
        double l2 = Recovery.l2Recovery(UB, UA, UA).orElseThrow();

        // Then
        assertEquals(0.0, cosine);
        assertEquals(0.0, l2);
    }

    @Test
    void identicalModelsRecoverZero() {
        // Given u^b = u^a = u^s (zero L2 denominator, zero numerator)
        // When
        double l2 = Recovery.l2Recovery(UA, UA, UA).orElseThrow();

        // Then
        assertEquals(0.0, l2);
    }

    @Test
    void zeroDenominatorWithAShiftIsUndefined() {
        // Given u^b = u^a but u^s moved (L2), and u^b orthogonal to u^a with u^s not (cosine)
        // When
        var l2 = Recovery.l2Recovery(UA, new double[] {2, 0}, UA);
        var cosine = Recovery.cosineRecovery(new double[] {0, 1}, new double[] {1, 1}, UA);

        // Then
        assertTrue(l2.isEmpty());
        assertTrue(cosine.isEmpty());
    }
}
