package io.shiftwatch.analyzer.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressBarTest {
    @Test
    void theBarShowsStageFillPercentageAndElapsedTime() {
        // Given 40% after 75 seconds

        // When
        String line = ProgressBar.render("checkpoint activations", 0.4, 75);

        // Then
        assertEquals("checkpoint activations   [############..................]  40% 1:15 elapsed", line);
    }

    @Test
    void offATerminalOnlyStageChangesAndNewDecilesArePrinted() {
        // Given
        var bytes = new ByteArrayOutputStream();
        var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        // When
        for (int i = 0; i <= 100; i++) bar.onProgress("base activations", i / 100.0);
        bar.onProgress("concepts and drift", 1.0);

        // Then: deciles 0..10 of the first stage, then one line for the second
        assertEquals(12, bytes.toString(StandardCharsets.UTF_8).lines().count());
    }
}
