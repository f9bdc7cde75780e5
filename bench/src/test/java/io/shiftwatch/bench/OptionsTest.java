package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsListsNumbersAndDefaults() {
        // Given
        Options o = new Options(new String[] {"--m", "2000, 10000", "--sigma", "3.5"});

        // When / Then
        assertArrayEquals(new int[] {2000, 10000}, o.ints("m", new int[] {1}));
        assertEquals(3.5, o.number("sigma", 1));
        assertEquals(20, o.integer("k", 20));
    }

    @Test
    void malformedNumberNamesTheOption() {
        // Given
        Options o = new Options(new String[] {"--d", "10x"});

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.ints("d", new int[] {1}));

        // Then
        assertTrue(e.getMessage().contains("--d must be comma-separated integers, got '10x'"), e.getMessage());
    }

    @Test
    void optionWithoutValueIsAnError() {
        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Options(new String[] {"--m"}));

        // Then
        assertTrue(e.getMessage().contains("expected --option value pairs"), e.getMessage());
    }
}
