package io.shiftwatch.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.testbed.world.Colour;
import io.shiftwatch.testbed.world.QuestionType;
import io.shiftwatch.testbed.world.Shape;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftProbesTest {
    private static final ProbeSet SET = DriftProbes.build("drift-test", DriftProbes.DEFAULT_SAMPLES, 1, 32);

    @Test
    void coversEveryShapeColourPlaceProfessionGenderAndQuestionType() {
        // Given
        Set<String> shapeColours = new HashSet<>(), places = new HashSet<>(), people = new HashSet<>(), tasks = new HashSet<>();

        // When
        for (Map<String, String> l : SET.labels()) {
            tasks.add(l.get("task"));
            if (!l.get("task").equals("caption")) continue;
            shapeColours.add(l.get("objects").split(";")[0]);
            places.add(l.get("place"));
            if (l.get("person").equals("yes")) people.add(l.get("profession") + " " + l.get("gender"));
        }

        // Then
        assertEquals(Shape.values().length * Colour.values().length, shapeColours.size());
        assertEquals(4, places.size());
        assertEquals(6, people.size());
        assertEquals(QuestionType.values().length + 1, tasks.size());
    }

    @Test
    void hasTheRequestedSizeAndIsDeterministic() {
        // Given
        int samples = 120;

        // When
        ProbeSet a = DriftProbes.build("a", samples, 4, 32), b = DriftProbes.build("a", samples, 4, 32);

        // Then
        assertEquals(samples, a.size());
        assertEquals(a.contentHash(), b.contentHash());
        assertTrue(SET.samples().stream().filter(s -> s.answerType().equals("caption")).count() >= 2_000);
    }
}
