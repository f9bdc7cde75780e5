package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.testing.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {

    // D = 8; three blobs of 30 at 5 e0, 5 e1, 5 e2 (toy words apple, river, stone); e3 = "cloud", e4 = "tiger".
    static final int D = 8;
    static final Fixtures.AxisVocabulary VOCAB = Fixtures.AxisVocabulary.of(D);
    static final float[][] BASE = Fixtures.blobs(Fixtures.axisCentres(3, D, 5f), 30, 0.1, 3);
    static final DriftConfig CONFIG = new DriftConfig(new KMeansConfig(3, 4, 300, 1e-4, 17), 3, 1.0, 200, 3, 2, 10, 0.5);

    static LayerStates states(float[][] z) {
        return new LayerStates("person", 31, z);
    }

    static float[][] moved(float[][] z, int from, int to, int axis, float amount) {
        float[][] out = Fixtures.permuteRows(z, identity(z.length));
        for (int i = from; i < to; i++) {
            out[i][axis] += amount;
        }
        return out;
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        return p;
    }

    @Test
    void checkpointEqualToBaseDoesNotDrift() {
        // Given
        LayerStates base = states(BASE);

        // When
        DriftReport r = DriftAnalysis.compare(base, base, CONFIG, VOCAB.unembedding(), VOCAB.tokens());

        // Then T-Overlap 100 %, zero shifts, recovery 0, nothing emergent
        for (ConceptDrift c : r.concepts()) {
            var m = assertInstanceOf(ConceptMatch.Matched.class, c.match());
            assertEquals(c.baseConcept(), m.checkpointConcept());
            assertEquals(1.0, m.tOverlap());
            assertEquals(1.0, m.imageOverlap());
            assertEquals(1.0, m.cosine(), 1e-12);
            var s = assertInstanceOf(ConceptShift.class, c.shift());
            assertEquals(0.0, s.magnitude());
            assertEquals(0.0, c.recovery().orElseThrow().cosine().orElseThrow());
            assertEquals(0.0, c.recovery().orElseThrow().l2().orElseThrow());
            assertEquals(0.0, c.recovery().orElseThrow().tOverlapGain());
        }
        assertEquals(0.0, r.coarseShift().magnitude());
        assertTrue(r.emergent().isEmpty());
        assertEquals(r.baseOverlap(), r.checkpointOverlap());
        assertInstanceOf(CorrelationOutcome.Undefined.class, r.correlations().consistencyVsRecoveryPearson());
    }

    @Test
    void plantedShiftIsMeasuredAndGrounded() {
        // Given the samples of the 5 e0 blob moved by 3 e3 ("cloud")
        float[][] checkpoint = moved(BASE, 0, 30, 3, 3f);

        // When
        DriftReport r = DriftAnalysis.compare(states(BASE), states(checkpoint), CONFIG, VOCAB.unembedding(), VOCAB.tokens());

        // Then the concept holding samples 0..29 shifted by exactly 3 e3: u^s = mean of its checkpoint
        // samples = u^b, so L2 recovery is 1 and cosine recovery is (1 - c)/c with c = cos(u^b, u^a) ~ 5/sqrt(34)
        ConceptDrift c = r.concepts().stream()
                .filter(d -> d.shift() instanceof ConceptShift s && s.samples()[0] == 0).findFirst().orElseThrow();
        ConceptShift s = (ConceptShift) c.shift();
        assertEquals(30, s.samples().length);
        assertEquals(3.0, s.magnitude(), 1e-5);
        assertEquals(1.0, s.consistency().meanPairwiseCosine().orElseThrow(), 1e-6);
        assertEquals("cloud", c.shiftWords().orElseThrow().words().getFirst());
        var m = assertInstanceOf(ConceptMatch.Matched.class, c.match());
        assertEquals(m.cosine(), 5 / Math.sqrt(34), 0.01);
        assertEquals(1.0, c.recovery().orElseThrow().l2().orElseThrow(), 1e-5);
        assertEquals((1 - m.cosine()) / m.cosine(), c.recovery().orElseThrow().cosine().orElseThrow(), 1e-5);
        assertEquals(1.0, r.coarseShift().magnitude(), 1e-5);
        assertEquals("cloud", r.coarseShift().words().words().getFirst());
    }

    @Test
    void permutingTheProbeSetChangesNoMetric() {
        // Given the planted shift, and the same pairs in another order
        float[][] checkpoint = moved(BASE, 0, 30, 3, 3f);
        int[] p = Fixtures.permutation(BASE.length, 77);

        // When
        DriftReport r = DriftAnalysis.compare(states(BASE), states(checkpoint), CONFIG, VOCAB.unembedding(), VOCAB.tokens());
        DriftReport q = DriftAnalysis.compare(states(Fixtures.permuteRows(BASE, p)),
                states(Fixtures.permuteRows(checkpoint, p)), CONFIG, VOCAB.unembedding(), VOCAB.tokens());

        // Then
        assertArrayEquals(r.baseDictionary().centroids(), q.baseDictionary().centroids());
        assertArrayEquals(r.checkpointDictionary().centroids(), q.checkpointDictionary().centroids());
        for (DriftMetric metric : DriftMetric.values()) {
            assertArrayEquals(metric.valuesIn(r), metric.valuesIn(q), 1e-12, metric.name());
        }
        assertEquals(r.baseWords(), q.baseWords());
    }

    @Test
    void extraCheckpointConceptEmerges() {
        // Given half of the 5 e2 blob moved to 5 e4 ("tiger"): four clusters in the checkpoint
        float[][] checkpoint = moved(BASE, 60, 75, 2, -5f);
        for (int i = 60; i < 75; i++) {
            checkpoint[i][4] += 5f;
        }
        DriftConfig config = new DriftConfig(CONFIG.kmeans(), 4, 1.0, 200, 3, 2, 10, 0.5);

        // When
        DriftReport r = DriftAnalysis.compare(states(BASE), states(checkpoint), config, VOCAB.unembedding(), VOCAB.tokens());

        // Then
        assertEquals(1, r.emergent().size());
        EmergentConcept e = r.emergent().getFirst();
        assertEquals(EmergentConcept.Reason.UNMATCHED, e.reason());
        assertEquals("tiger", e.words().words().getFirst());
        assertEquals(15, e.size());
    }

    @Test
    void baseConceptWithoutCounterpartIsUnmatched() {
        // Given a checkpoint dictionary of 2 concepts for 3 base concepts
        DriftConfig config = new DriftConfig(CONFIG.kmeans(), 2, 1.0, 200, 3, 2, 10, 0.5);

        // When
        DriftReport r = DriftAnalysis.compare(states(BASE), states(BASE), config, VOCAB.unembedding(), VOCAB.tokens());

        // Then exactly one base concept is unmatched; it still has its (zero) shift but no recovery
        var unmatched = r.concepts().stream().filter(c -> c.match() instanceof ConceptMatch.Unmatched).toList();
        assertEquals(1, unmatched.size());
        assertInstanceOf(ConceptShift.class, unmatched.getFirst().shift());
        assertTrue(unmatched.getFirst().recovery().isEmpty());
    }

    @Test
    void rejectsStatesOfAnotherTarget() {
        // Given
        LayerStates base = states(BASE);
        LayerStates other = new LayerStates("dog", 31, BASE);

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriftAnalysis.compare(base, other, CONFIG, VOCAB.unembedding(), VOCAB.tokens()));

        // Then
        assertTrue(e.getMessage().contains("'person'") && e.getMessage().contains("'dog'"), e.getMessage());
    }
}
