package io.shiftwatch.models.internal;

import io.shiftwatch.models.TestbedModels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeThreadsTest {

    @Test
    void theRequestedThreadCountIsTheOneInUseAndZeroKeepsIt() {
        // Given
        int before = TestbedModels.useComputeThreads(0);
        try {
            // When
            int one = TestbedModels.useComputeThreads(1);
            int kept = TestbedModels.useComputeThreads(0);
            int two = TestbedModels.useComputeThreads(2);

            // Then
            assertTrue(before >= 1, "threads in use before: " + before);
            assertEquals(1, one);
            assertEquals(1, kept);
            assertEquals(2, two);
        } finally {
            TestbedModels.useComputeThreads(before);
        }
    }

    @Test
    void aNegativeThreadCountIsRejectedWithItsValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> TestbedModels.useComputeThreads(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
