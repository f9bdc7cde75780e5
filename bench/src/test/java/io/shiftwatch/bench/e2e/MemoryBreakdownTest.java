package io.shiftwatch.bench.e2e;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryBreakdownTest {
    private static final String HEAP_INFO = """
            6956:
            garbage-first heap   total reserved 6172672K, committed 393216K, used 10539K [0x0000000687400000, 0x0000000800000000)
             region size 4096K, 3 young (12288K), 1 survivors (4096K)
            """;
    private static final String NMT = """
            6956:

            Native Memory Tracking:

            Total: reserved=7735205KB, committed=477061KB
                   malloc: 11313KB #46905, peak=18195KB #43398
            -                 Java Heap (reserved=6172672KB, committed=393216KB)
            """;
    private static final String STATUS = "Name:\tjava\nVmHWM:\t  900000 kB\nVmRSS:\t  819200 kB\nRssAnon:\t  614400 kB\n";

    @Test
    void heapInfoGivesCommittedAndUsedInMiB() {
        // When
        double[] committedUsed = MemoryBreakdown.heapCommittedAndUsed(HEAP_INFO);
        // Then
        assertArrayEquals(new double[] {384.0, 10539 / 1024.0}, committedUsed, 1e-9);
    }

    @Test
    void nativeMemoryTrackingTotalIsTheCommittedFigureNotTheReservedOne() {
        assertEquals(477061 / 1024.0, MemoryBreakdown.nmtTotalCommittedMiB(NMT), 1e-9);
    }

    @Test
    void withoutNativeMemoryTrackingTheJvmFigureIsUnknown() {
        // Given
        String off = "6956:\nNative memory tracking is not enabled\n";
        // When
        double committed = MemoryBreakdown.nmtTotalCommittedMiB(off);
        // Then
        assertTrue(Double.isNaN(committed));
    }

    @Test
    void statusFieldsAreReadByExactName() {
        assertEquals(800.0, MemoryBreakdown.statusMiB(STATUS, "VmRSS"), 1e-9);
        assertEquals(600.0, MemoryBreakdown.statusMiB(STATUS, "RssAnon"), 1e-9);
        assertTrue(Double.isNaN(MemoryBreakdown.statusMiB(STATUS, "RssFile")));
    }

    @Test
    void untrackedNativeIsAnonymousResidentMemoryMinusWhatTheJvmTracks() {
        // Given
        var m = new MemoryBreakdown(800, 600, 50, 200, 350);
        // When
        double untracked = m.untrackedNative();
        // Then
        assertEquals(250.0, untracked, 1e-9);
    }
}
