package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BruteForceTest {

    @Test
    void theCertifiedTopTenIsTheTopTenOfAPlainDoubleBruteForce() {
        // Given 2,000 clustered rows of width 100 (not a multiple of 8: the tail loop counts too) and 6 queries
        ConceptVectorSet set = ConceptVectorSet.of(ConceptVectorSet.Kind.CLUSTERED, 100, 20, 0.5, 4);
        float[][] queries = new float[6][];
        for (int q = 0; q < queries.length; q++) queries[q] = set.query(q);

        // When
        List<Set<String>> ids = BruteForce.topIds(set, 2000, queries, 10);

        // Then
        for (int q = 0; q < queries.length; q++) assertEquals(plainTopTen(set, 2000, queries[q]), ids.get(q), "query " + q);
    }

    @Test
    void tiedRowsMakeTheTruthUncertainAndStopTheRun() {
        // Given noise 0: every member of a concept is the same vector, so the top 10 of 100 equal rows is a tie
        ConceptVectorSet set = ConceptVectorSet.of(ConceptVectorSet.Kind.CLUSTERED, 64, 5, 0.0, 4);

        // When
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BruteForce.topIds(set, 500, new float[][] {set.row(0)}, 10));

        // Then
        assertTrue(e.getMessage().startsWith("brute-force truth of query 0 is not certain"), e.getMessage());
    }

    @Test
    void theFloatDotProductStaysWithinTheBoundTheCertificateUses() {
        // Given
        ConceptVectorSet set = ConceptVectorSet.of(ConceptVectorSet.Kind.GAUSSIAN, 4096, 1, 0.5, 8);
        float[] a = set.row(1);
        float[] b = set.row(2);

        // When
        double error = Math.abs(BruteForce.dotFloat(a, b) - BruteForce.dotDouble(a, b));

        // Then
        double bound = (4096 / 8.0 + 11) * Math.ulp(1.0f) / 2 * Math.sqrt(BruteForce.dotDouble(a, a) * BruteForce.dotDouble(b, b));
        assertTrue(error <= bound, "error " + error + " > bound " + bound);
    }

    private static Set<String> plainTopTen(ConceptVectorSet set, int n, float[] q) {
        return LongStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Long i) -> -cosine(set.row(i), q)))
                .limit(10).map(i -> Long.toString(i + 1)).collect(Collectors.toSet());
    }

    private static double cosine(float[] r, float[] q) {
        return BruteForce.dotDouble(r, q) / Math.sqrt(BruteForce.dotDouble(r, r) * BruteForce.dotDouble(q, q));
    }
}
