package io.shiftwatch.analyzer.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.testing.Fixtures;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

class KMeansDictionaryTest {

    @Test
    void fitsHandComputedTwoClusters() {
        // Given 1-D points 0, 1, 10, 12 (as 2-D with y = 0), K = 2
        float[][] z = {{10, 0}, {0, 0}, {12, 0}, {1, 0}};

        // When
        ConceptDictionary d = KMeansDictionary.fit(z, KMeansConfig.defaults(7).withK(2));

        // Then centroids 0.5 and 11; sizes tie (2, 2) so the lexicographically smaller centroid is
        // concept 0; inertia = 0.5^2 * 2 + 1^2 * 2 = 2.5; v_0(0) = 1/(1 + 0.5) = 2/3, v_1(0) = 1/(1 + 11) = 1/12
        assertArrayEquals(new float[] {0.5f, 0}, d.concept(0));
        assertArrayEquals(new float[] {11f, 0}, d.concept(1));
        assertArrayEquals(new int[] {1, 0, 1, 0}, d.assignments());
        assertEquals(2.5, d.inertia(), 1e-12);
        assertEquals(2.0 / 3, d.activations()[1][0], 1e-6);
        assertEquals(1.0 / 12, d.activations()[1][1], 1e-6);
    }

    @Test
    void permutationOfSamplesGivesTheSameDictionary() {
        // Given overlapping blobs (several local optima) and a permutation of them
        float[][] z = Fixtures.blobs(Fixtures.axisCentres(6, 8, 1.5f), 40, 1.0, 11);
        int[] p = Fixtures.permutation(z.length, 5);
        KMeansConfig cfg = new KMeansConfig(6, 3, 300, 1e-4, 42);

        // When
        ConceptDictionary original = KMeansDictionary.fit(z, cfg);
        ConceptDictionary permuted = KMeansDictionary.fit(Fixtures.permuteRows(z, p), cfg);

        // Then same centroids and inertia bit for bit, and each sample keeps its concept
        assertArrayEquals(original.centroids(), permuted.centroids());
        assertEquals(original.inertia(), permuted.inertia());
        for (int i = 0; i < p.length; i++) {
            assertEquals(original.assignments()[p[i]], permuted.assignments()[i]);
        }
    }

    @Test
    void sameSeedGivesTheSameConcepts() {
        // Given
        float[][] z = Fixtures.uniform(300, 16, 3);
        KMeansConfig cfg = new KMeansConfig(10, 4, 300, 1e-4, 99);

        // When
        ConceptDictionary first = KMeansDictionary.fit(z, cfg);
        ConceptDictionary second = KMeansDictionary.fit(z, cfg);

        // Then
        assertArrayEquals(first.centroids(), second.centroids());
        assertArrayEquals(first.assignments(), second.assignments());
        assertEquals(first.inertia(), second.inertia());
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameDictionary() throws Exception {
        // Given enough samples for the row blocks to run in parallel
        float[][] z = Fixtures.uniform(1500, 160, 12);
        KMeansConfig cfg = new KMeansConfig(20, 3, 300, 1e-4, 5);

        // When
        ConceptDictionary one;
        ConceptDictionary four;
        try (ForkJoinPool single = new ForkJoinPool(1); ForkJoinPool pool = new ForkJoinPool(4)) {
            one = single.submit(() -> KMeansDictionary.fit(z, cfg)).get();
            four = pool.submit(() -> KMeansDictionary.fit(z, cfg)).get();
        }

        // Then
        assertArrayEquals(one.centroids(), four.centroids());
        assertArrayEquals(one.assignments(), four.assignments());
        assertEquals(one.inertia(), four.inertia());
    }

    @Test
    void differentSeedsFindTheSameOptimumOnSeparatedBlobs() {
        // Given 5 blobs 10 apart with noise 0.3
        float[][] z = Fixtures.blobs(Fixtures.axisCentres(5, 6, 10f), 50, 0.3, 1);

        // When
        ConceptDictionary a = KMeansDictionary.fit(z, KMeansConfig.defaults(1).withK(5));
        ConceptDictionary b = KMeansDictionary.fit(z, KMeansConfig.defaults(123456).withK(5));

        // Then the same partition, hence the same canonical concepts and inertia
        assertEquals(a.inertia(), b.inertia(), 1e-9 * a.inertia());
        assertArrayEquals(a.assignments(), b.assignments());
        assertArrayEquals(a.centroids(), b.centroids());
    }

    @Test
    void argmaxActivationIsTheAssignment() {
        // Given
        float[][] z = Fixtures.uniform(200, 5, 8);

        // When
        ConceptDictionary d = KMeansDictionary.fit(z, new KMeansConfig(7, 2, 300, 0, 4));

        // Then
        for (int i = 0; i < z.length; i++) {
            int argmax = 0;
            for (int k = 1; k < d.k(); k++) {
                argmax = d.activations()[i][k] > d.activations()[i][argmax] ? k : argmax;
            }
            assertEquals(d.assignments()[i], argmax, "sample " + i);
        }
        assertArrayEquals(d.assignments(), d.nearestConcepts(z));
    }

    @Test
    void conceptsAreOrderedByClusterSize() {
        // Given blobs of 10, 30 and 20 samples
        float[][] small = Fixtures.blobs(new float[][] {{10, 0}}, 10, 0.1, 1);
        float[][] large = Fixtures.blobs(new float[][] {{0, 10}}, 30, 0.1, 2);
        float[][] mid = Fixtures.blobs(new float[][] {{-10, 0}}, 20, 0.1, 3);
        float[][] z = java.util.stream.Stream.of(small, large, mid).flatMap(java.util.Arrays::stream).toArray(float[][]::new);

        // When
        ConceptDictionary d = KMeansDictionary.fit(z, KMeansConfig.defaults(5).withK(3));

        // Then
        assertArrayEquals(new int[] {30, 20, 10}, d.clusterSizes());
    }

    @Test
    void inertiaIsNoWorseThanSmileKMeans() {
        // Given overlapping blobs; Smile (reference only: its restarts are not repeatable) with 10 runs
        float[][] z = Fixtures.blobs(Fixtures.axisCentres(12, 16, 2f), 50, 1.0, 21);
        MathEx.setSeed(19650218);
        CentroidClustering<float[], float[]> smile = Clustering.run(10, () -> KMeans.fit(z, 12, 300));

        // When
        ConceptDictionary ours = KMeansDictionary.fit(z, KMeansConfig.defaults(3).withK(12));

        // Then Smile's distortion is the mean squared distance
        double smileInertia = smile.distortion() * z.length;
        assertTrue(ours.inertia() <= smileInertia * 1.01, "ours " + ours.inertia() + " vs Smile " + smileInertia);
    }

    @Test
    void rejectsMoreConceptsThanSamples() {
        // Given
        float[][] z = Fixtures.uniform(5, 3, 1);

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansDictionary.fit(z, KMeansConfig.defaults(1).withK(6)));

        // Then
        assertTrue(e.getMessage().contains("K = 6") && e.getMessage().contains("M = 5"), e.getMessage());
    }

    @Test
    void rejectsFewerDistinctSamplesThanConcepts() {
        // Given 4 samples, only 2 distinct
        float[][] z = {{1, 1}, {1, 1}, {2, 2}, {2, 2}};

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansDictionary.fit(z, KMeansConfig.defaults(1).withK(3)));

        // Then
        assertTrue(e.getMessage().contains("only 2 distinct"), e.getMessage());
    }

    @Test
    void rejectsRaggedStatesNamingTheRow() {
        // Given
        float[][] z = {{1, 2}, {3, 4}, {5}};

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansDictionary.fit(z, KMeansConfig.defaults(1).withK(2)));

        // Then
        assertTrue(e.getMessage().contains("row 2 has length 1, expected 2"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteStates() {
        // Given
        float[][] z = {{1, 2}, {3, Float.NaN}, {5, 6}};

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeansDictionary.fit(z, KMeansConfig.defaults(1).withK(2)));

        // Then
        assertTrue(e.getMessage().contains("sample 1, dimension 1"), e.getMessage());
    }
}
