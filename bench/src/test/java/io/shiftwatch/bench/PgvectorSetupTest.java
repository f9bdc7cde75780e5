package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shiftwatch.migrations.IndexMethod;
import io.shiftwatch.migrations.SearchTuning;
import io.shiftwatch.migrations.VectorIndexes.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgvectorSetupTest {

    @Test
    void listedSchemesApplyOnlyToWidthsTheyFitAndOtherWidthsGetTheApplicationsScheme() {
        // Given
        PgvectorSetup setup = PgvectorSetup.of(new Options(new String[] {"--schemes", "prefix,binary"}));

        // When / Then
        assertEquals(List.of(Scheme.HALFVEC_PREFIX, Scheme.BINARY_QUANTIZED), setup.schemesFor(4096));
        assertEquals(List.of(Scheme.BINARY_QUANTIZED), setup.schemesFor(1024));
        assertEquals(List.of(Scheme.VECTOR), PgvectorSetup.of(new Options(new String[0])).schemesFor(1024));
        assertEquals(List.of(Scheme.HALFVEC_PREFIX), PgvectorSetup.of(new Options(new String[0])).schemesFor(4096));
    }

    @Test
    void reRankedSchemesSweepEveryEfSearchTimesEveryOverfetchAndFullPrecisionOnlyEfSearch() {
        // Given
        PgvectorSetup setup = PgvectorSetup.of(new Options(new String[] {"--ef-search", "100,400", "--overfetch", "2,4"}));

        // When / Then: the halfvec default (100, 2) is among them, so it is not added again
        assertEquals(List.of(new SearchTuning(100, 2), new SearchTuning(100, 4), new SearchTuning(400, 2), new SearchTuning(400, 4)),
                setup.tunings(Scheme.HALFVEC, IndexMethod.HNSW));
        assertEquals(List.of(new SearchTuning(100, 1), new SearchTuning(400, 1)), setup.tunings(Scheme.VECTOR, IndexMethod.HNSW));
        assertEquals(List.of(new SearchTuning(400, 2), new SearchTuning(100, 2)),
                PgvectorSetup.of(new Options(new String[] {"--ef-search", "400", "--overfetch", "2"})).tunings(Scheme.HALFVEC, IndexMethod.HNSW));
    }

    @Test
    void prewarmIsOffByDefaultAndTakesOnlyYesOrNo() {
        assertEquals(false, PgvectorSetup.of(new Options(new String[0])).prewarm());
        assertEquals(true, PgvectorSetup.of(new Options(new String[] {"--prewarm", "yes"})).prewarm());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--prewarm", "true"})));
        assertEquals("--prewarm takes yes or no, got 'true'", e.getMessage());
    }

    @Test
    void anUnknownSchemeIsRejectedByName() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--schemes", "ivfflat"})));

        // Then
        assertEquals("--schemes takes default, vector, halfvec, prefix, binary; got 'ivfflat'", e.getMessage());
    }

    @Test
    void ivfflatSweepsProbesInPlaceOfEfSearchAndAddsTheDefaultTuning() {
        // Given
        PgvectorSetup setup = PgvectorSetup.of(new Options(new String[] {"--index", "ivfflat", "--probes", "1,8", "--overfetch", "2"}));

        // When
        List<SearchTuning> tunings = setup.tunings(Scheme.HALFVEC, new IndexMethod.Ivfflat(100));

        // Then: probes 1 and 8 at over-fetch 2, then the halfvec default (ef 100, over-fetch 2, default probes)
        assertEquals(List.of(new SearchTuning(100, 2, 1), new SearchTuning(100, 2, 8), SearchTuning.defaults(Scheme.HALFVEC)), tunings);
    }

    @Test
    void ivfflatListsComeFromTheRowCountUnlessGiven() {
        // Given
        PgvectorSetup guided = PgvectorSetup.of(new Options(new String[] {"--index", "hnsw,ivfflat"}));
        PgvectorSetup fixed = PgvectorSetup.of(new Options(new String[] {"--index", "ivfflat", "--lists", "2000,500"}));

        // When / Then
        assertEquals(List.of(IndexMethod.HNSW, new IndexMethod.Ivfflat(1000)), guided.methods(1_000_000));
        assertEquals(List.of(new IndexMethod.Ivfflat(2000), new IndexMethod.Ivfflat(500)), fixed.methods(100_000));
    }

    @Test
    void anUnknownIndexMethodAndOutOfRangeListsOrProbesAreRejectedBeforeTheLoad() {
        // When
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--index", "diskann"})));
        IllegalArgumentException lists = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--index", "ivfflat", "--lists", "40000"})));
        IllegalArgumentException probes = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--probes", "0"})));

        // Then
        assertEquals("--index takes hnsw, ivfflat; got 'diskann'", method.getMessage());
        assertEquals("ivfflat lists must be in 1..32768 (pgvector's range), got 40000", lists.getMessage());
        assertEquals("ivfflat probes must be in 1..32768 (pgvector's range), got 0", probes.getMessage());
    }

    @Test
    void growthIsOffByDefaultAndANegativeStartIsRejected() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgvectorSetup.of(new Options(new String[] {"--grow-from", "-1"})));

        // Then
        assertEquals(0, PgvectorSetup.of(new Options(new String[0])).growFrom());
        assertEquals(250_000, PgvectorSetup.of(new Options(new String[] {"--grow-from", "250000"})).growFrom());
        assertEquals("--grow-from must be >= 0 (0 = index built over all rows), got -1", e.getMessage());
    }
}
