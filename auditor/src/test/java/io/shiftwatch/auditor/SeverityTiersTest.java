package io.shiftwatch.auditor;

import io.shiftwatch.auditor.SeverityTiers.Direction;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityTiersTest {
    @Test
    void lowerIsWorseIsStrictlyBelowEachLimit() {
        // Given
        SeverityTiers tiers = SeverityTiers.parse(Direction.LOWER_IS_WORSE, "0.05, 0.01, 0.001");
        // When / Then
        assertEquals(Optional.empty(), tiers.classify(0.05));
        assertEquals(Optional.of(Severity.INFO), tiers.classify(0.049));
        assertEquals(Optional.of(Severity.WARNING), tiers.classify(0.001));
        assertEquals(Optional.of(Severity.CRITICAL), tiers.classify(0.0));
    }

    @Test
    void higherIsWorseReachesAtTheLimit() {
        // Given
        SeverityTiers tiers = SeverityTiers.parse(Direction.HIGHER_IS_WORSE, "0.2,0.4,0.6");
        // When / Then
        assertTrue(tiers.classify(0.19).isEmpty());
        assertEquals(Optional.of(Severity.INFO), tiers.classify(0.2));
        assertEquals(Optional.of(Severity.CRITICAL), tiers.classify(0.9));
    }

    @Test
    void limitsInTheWrongOrderOrShapeAreRefused() {
        // Given / When
        var order = assertThrows(IllegalArgumentException.class,
                () -> SeverityTiers.parse(Direction.LOWER_IS_WORSE, "0.001,0.01,0.05"));
        var shape = assertThrows(IllegalArgumentException.class,
                () -> SeverityTiers.parse(Direction.HIGHER_IS_WORSE, "0.1,0.2"));
        // Then
        assertTrue(order.getMessage().contains("non-increasing"), order.getMessage());
        assertTrue(shape.getMessage().contains("three comma-separated numbers"), shape.getMessage());
    }
}
