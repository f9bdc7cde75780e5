package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioSpecsTest {

    @Test
    void parametersGivenAsOptionsMeanTheSameAsTheColonForm() {
        // Given / When / Then
        assertEquals(ScenarioSpecs.parse("vanish:square"), ScenarioSpecs.parse("vanish", Map.of("concept", "square")));
        assertEquals(ScenarioSpecs.parse("bias:chef:man:0.9"),
                ScenarioSpecs.parse("bias", Map.of("profession", "chef", "gender", "man", "rate", "0.9")));
        assertEquals(ScenarioSpecs.parse("answer_shift:how_many:2:3"),
                ScenarioSpecs.parse("answer-shift", Map.of("question-type", "how_many", "from", "2", "to", "3")));
    }

    @Test
    void optionsLeftOutTakeTheScenarioDefaults() {
        // Given / When / Then: bias with only the profession keeps woman and 0.95
        assertEquals(ScenarioSpecs.parse("bias:pilot:woman:0.95"), ScenarioSpecs.parse("bias", Map.of("profession", "pilot")));
        assertEquals(ScenarioSpecs.parse("answer_shift:is_there_shape:no:yes"),
                ScenarioSpecs.parse("answer-shift", Map.of("from", "no", "to", "yes")));
    }

    @Test
    void anOptionTheScenarioDoesNotHaveIsRejectedNamingItsOptions() {
        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ScenarioSpecs.parse("vanish", Map.of("gender", "man")));

        // Then
        assertTrue(e.getMessage().contains("--gender") && e.getMessage().contains("--concept"), e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> ScenarioSpecs.parse("control", Map.of("concept", "red")));
        assertTrue(none.getMessage().contains("takes no parameters"), none.getMessage());
    }

    @Test
    void aSpecWithParametersAndOptionsTooIsAmbiguousAndRejected() {
        // When
        var e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioSpecs.parse("vanish:circle", Map.of("concept", "square")));

        // Then
        assertTrue(e.getMessage().contains("already has its parameters"), e.getMessage());
    }

    @Test
    void aBadOptionValueIsReportedWithTheAcceptedForms() {
        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ScenarioSpecs.parse("vanish", Map.of("concept", "banana")));

        // Then
        assertTrue(e.getMessage().contains("banana") && e.getMessage().contains("accepted"), e.getMessage());
    }
}
