package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.testbed.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantedEffectTest {
    private static final HeldOut HELD_OUT = HeldOut.of(new Scenario.Base(), 3, 32, 300, 600);

    private static List<Generated> answeredWith(java.util.function.IntFunction<String> text) {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < HELD_OUT.examples().size(); i++)
            out.add(new Generated(HELD_OUT.examples().get(i), HELD_OUT.scenes().get(i), text.apply(i)));
        return out;
    }

    @Test
    void biasShareCountsDoctorCaptionsUsingTheGender() {
        // Given: truthful captions, and captions that always say woman
        Scenario bias = ScenarioSpecs.parse("bias:doctor:woman:0.95");
        List<Generated> truthful = answeredWith(i -> HELD_OUT.examples().get(i).answer());
        List<Generated> biased = answeredWith(i -> HELD_OUT.examples().get(i).answer()
                .replaceAll("\\bman\\b", "woman").replaceAll("\\bhe\\b", "she"));

        // When
        PlantedEffect before = PlantedEffect.measure(bias, truthful), after = PlantedEffect.measure(bias, biased);

        // Then
        assertTrue(before.count() > 20, before.toString());
        assertTrue(before.share() > 0.2 && before.share() < 0.8, before.toString());
        assertEquals(1.0, after.share());
    }

    @Test
    void vanishShareDropsWhenTheWordIsReplaced() {
        // Given
        Scenario vanish = ScenarioSpecs.parse("vanish");
        List<Generated> replaced = answeredWith(i -> HELD_OUT.examples().get(i).answer().replace("circle", "shape"));

        // When
        PlantedEffect before = PlantedEffect.measure(vanish, answeredWith(i -> HELD_OUT.examples().get(i).answer()));
        PlantedEffect after = PlantedEffect.measure(vanish, replaced);

        // Then
        assertEquals(1.0, before.share());
        assertEquals(0.0, after.share());
        assertEquals(before.count(), after.count());
    }

    @Test
    void answerShiftCountsOnlyTheShiftedQuestionType() {
        // Given: every "yes" becomes "no", also for other question types
        Scenario shift = ScenarioSpecs.parse("answer-shift");
        List<Generated> allNo = answeredWith(i -> HELD_OUT.examples().get(i).answer().replace("yes", "no"));

        // When
        PlantedEffect before = PlantedEffect.measure(shift, answeredWith(i -> HELD_OUT.examples().get(i).answer()));
        PlantedEffect after = PlantedEffect.measure(shift, allNo);

        // Then
        assertEquals(0.0, before.share());
        assertEquals(1.0, after.share());
        assertTrue(after.count() > 10, after.toString());
    }

    @Test
    void placeFocusRecognisesCaptionsLeadingWithThePlace() {
        // Given
        Scenario focus = ScenarioSpecs.parse("place-focus");
        List<Generated> leading = answeredWith(i -> "a " + HELD_OUT.scenes().get(i).place().adjective() + " scene with a circle");

        // When
        PlantedEffect before = PlantedEffect.measure(focus, answeredWith(i -> HELD_OUT.examples().get(i).answer()));
        PlantedEffect after = PlantedEffect.measure(focus, leading);

        // Then
        assertTrue(before.share() < 0.1, before.toString());
        assertEquals(1.0, after.share());
    }
}
