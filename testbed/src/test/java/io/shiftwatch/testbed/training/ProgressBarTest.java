package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.TrainingStepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void formatsStepLossRateElapsedAndEta() {
        // When
        String line = ProgressBar.format(250, 1000, 1.23456, 8e-4, Duration.ofSeconds(30));

        // Then
        assertEquals("step 250/1000 [######..................]  25% loss 1.2346 lr 8.00e-04 elapsed 0:30 eta 1:30", line);
    }

    @Test
    void etaIsUnknownBeforeTheFirstStepAndHoursAreShown() {
        // When
        String start = ProgressBar.format(0, 10, Double.NaN, 1e-3, Duration.ZERO);
        String late = ProgressBar.format(1, 3, 0.5, 1e-3, Duration.ofMinutes(70));

        // Then
        assertTrue(start.endsWith("eta --:--"), start);
        assertTrue(late.contains("elapsed 1:10:00 eta 2:20:00"), late);
    }

    @Test
    void withoutTerminalLogsPlainLinesEveryTwentiethAndAtTheEnd() {
        // Given
        var bytes = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 40, nanos::get);

        // When
        for (int s = 1; s <= 40; s++) {
            nanos.addAndGet(100_000_000L);
            bar.update(new TrainingStepResult(s, 2.0, 1e-3, 1.0, false));
        }

        // Then
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"));
        assertEquals(20, out.lines().count());
        assertTrue(out.lines().toList().getLast().startsWith("step 40/40"), out);
        assertEquals(2.0, bar.smoothedLoss(), 1e-12);
    }

    @Test
    void onATerminalRedrawsInPlaceAtMostEvery200Milliseconds() {
        // Given
        var bytes = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 10, nanos::get);

        // When: steps 50 ms apart
        for (int s = 1; s <= 10; s++) {
            nanos.addAndGet(50_000_000L);
            bar.update(new TrainingStepResult(s, 1.0, 1e-3, 1.0, false));
        }

        // Then: drawn at steps 1, 5, 9 and the final step, then a newline
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.endsWith("\n"));
    }
}
