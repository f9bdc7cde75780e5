package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shiftwatch.migrations.VectorIndexes.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgvectorSetupTest {

    @Test
    void listedSchemesApplyOnlyToWidthsTheyFitAndOtherWidthsGetTheApplicationsScheme() {
        // Given
        PgvectorBench.Setup setup = PgvectorBench.Setup.of(new Options(new String[] {"--schemes", "prefix,binary"}));

        // When / Then
        assertEquals(List.of(Scheme.HALFVEC_PREFIX, Scheme.BINARY_QUANTIZED), setup.schemesFor(4096));
        assertEquals(List.of(Scheme.BINARY_QUANTIZED), setup.schemesFor(1024));
        assertEquals(List.of(Scheme.VECTOR), PgvectorBench.Setup.of(new Options(new String[0])).schemesFor(1024));
        assertEquals(List.of(Scheme.HALFVEC_PREFIX), PgvectorBench.Setup.of(new Options(new String[0])).schemesFor(4096));
    }

    @Test
    void anUnknownSchemeIsRejectedByName() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgvectorBench.Setup.of(new Options(new String[] {"--schemes", "ivfflat"})));

        // Then
        assertEquals("--schemes takes default, vector, halfvec, prefix, binary; got 'ivfflat'", e.getMessage());
    }
}
