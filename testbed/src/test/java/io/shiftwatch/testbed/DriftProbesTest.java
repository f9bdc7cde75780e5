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

    @Test
    void aVqaOnlySetHoldsOnlyQuestionsOfEveryTypeAndACaptionOnlySetOnlyCaptions() {
        // Given
        int samples = 200;

        // When
        ProbeSet vqa = DriftProbes.build("v", samples, 1, 32, DriftProbes.Tasks.VQA);
        ProbeSet captions = DriftProbes.build("c", samples, 1, 32, DriftProbes.Tasks.CAPTION);

        // Then
        assertEquals(samples, vqa.size());
        assertTrue(vqa.samples().stream().noneMatch(s -> s.answerType().equals("caption")));
        Set<String> types = new HashSet<>();
        vqa.labels().forEach(l -> types.add(l.get("task")));
        assertEquals(QuestionType.values().length, types.size());
        assertEquals(Set.of("yes/no", "number", "colour", "other"),
                new HashSet<>(vqa.samples().stream().map(s -> s.answerType()).toList()));
        assertEquals(samples, captions.size());
        assertTrue(captions.samples().stream().allMatch(s -> s.answerType().equals("caption")));
        assertEquals(SET.samples().getFirst().expected(), captions.samples().getFirst().expected());
    }

    @Test
    void aPeopleSetShowsAPersonInEveryCaptionAndCyclesThroughEveryProfessionAndGender() {
        // Given
        int samples = 60;

        // When
        ProbeSet people = DriftProbes.build("p", samples, 1, 32, DriftProbes.Tasks.PEOPLE);

        // Then
        Set<String> seen = new HashSet<>();
        for (Map<String, String> l : people.labels()) {
            assertEquals("yes", l.get("person"));
            seen.add(l.get("profession") + " " + l.get("gender"));
        }
        assertEquals(6, seen.size());
        assertTrue(people.samples().stream().allMatch(s -> s.answerType().equals("caption")));
    }
}
