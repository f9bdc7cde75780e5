package io.shiftwatch.auditor.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        // Given
        Backoff backoff = new Backoff(6, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
        // When
        List<Duration> schedule = backoff.schedule();
        // Then
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), schedule);
    }

    @Test
    void theLastAttemptHasNoSuccessor() {
        // Given
        Backoff backoff = new Backoff(3, Duration.ofMillis(10), 2.0, Duration.ofSeconds(1));
        // When / Then
        assertTrue(backoff.hasNext(2));
        assertFalse(backoff.hasNext(3));
        assertThrows(IllegalArgumentException.class, () -> backoff.delayBefore(4));
    }

    @Test
    void refusesNoAttempts() {
        // Given / When / Then
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ZERO, 2.0, Duration.ZERO));
    }
}
