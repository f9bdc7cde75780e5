package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConceptVectorSetTest {

    @Test
    void rowsAndQueriesAreTheSameForTheSameSeed() {
        // Given
        ConceptVectorSet a = ConceptVectorSet.of(ConceptVectorSet.Kind.CLUSTERED, 32, 5, 0.5, 3);
        ConceptVectorSet b = ConceptVectorSet.of(ConceptVectorSet.Kind.CLUSTERED, 32, 5, 0.5, 3);

        // When / Then
        assertArrayEquals(a.row(12_345), b.row(12_345));
        assertArrayEquals(a.query(7), b.query(7));
    }

    @Test
    void aClusteredQueryLiesNearOneCentreAndFarFromTheOthers() {
        // Given 4 centres in 512 dims, noise 0.5: cos(member, own centre) ~ 1/sqrt(1.25) ~ 0.89, others ~ 0
        ConceptVectorSet set = ConceptVectorSet.of(ConceptVectorSet.Kind.CLUSTERED, 512, 4, 0.5, 9);

        // When
        float[] q = set.query(0);
        double best = -1;
        int near = 0;
        for (float[] centre : set.centreRows()) {
            double cos = cosine(q, centre);
            best = Math.max(best, cos);
            if (cos > 0.5) near++;
        }

        // Then
        assertEquals(1, near);
        assertTrue(best > 0.85 && best < 0.93, "cosine to own centre " + best);
    }

    @Test
    void row0AndQuery0Differ() {
        // Given
        ConceptVectorSet set = ConceptVectorSet.of(ConceptVectorSet.Kind.GAUSSIAN, 16, 1, 0, 1);

        // When / Then
        assertTrue(cosine(set.row(0), set.query(0)) < 0.99);
    }

    @Test
    void unknownDataKindIsAnErrorNamingTheOption() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConceptVectorSet.kind("uniform"));

        // Then
        assertEquals("--data must be clustered or gaussian, got 'uniform'", e.getMessage());
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
