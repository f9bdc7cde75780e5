package io.shiftwatch.testbed.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SceneSamplerTest {
    @Test
    void scenesCoverTheWorld() {
        // Given
        Set<Object> seen = new HashSet<>();
        Set<Integer> counts = new HashSet<>();
        int withPerson = 0;

        // When
        for (long seed = 0; seed < 2_000; seed++) {
            Scene scene = SceneSampler.sample(new SplittableRandom(seed));
            seen.add(scene.place());
            scene.objects().forEach(o -> seen.addAll(java.util.List.of(o.shape(), o.colour(), o.size(), o.position())));
            for (Shape s : Shape.values()) counts.add(scene.count(s));
            if (scene.person().isPresent()) {
                withPerson++;
                seen.add(scene.person().get().profession());
                seen.add(scene.person().get().gender());
            }
        }

        // Then
        int kinds = Place.values().length + Shape.values().length + Colour.values().length + Size.values().length
                + Position.values().length + Profession.values().length + Gender.values().length;
        assertEquals(kinds, seen.size());
        assertEquals(Set.of(0, 1, 2, 3), counts);
        assertTrue(withPerson > 800 && withPerson < 1_200, "person in " + withPerson + " of 2000 scenes");
    }

    @Test
    void fixedSamplingKeepsItsConstraints() {
        // Given
        SplittableRandom rng = new SplittableRandom(3);

        // When
        Scene scene = SceneSampler.sample(rng, Place.CITY, Shape.DOG, Colour.PINK, Profession.PILOT, Gender.WOMAN);

        // Then
        assertEquals(Place.CITY, scene.place());
        assertEquals(new SceneObject(Shape.DOG, Colour.PINK, scene.objects().getFirst().size(),
                scene.objects().getFirst().position()), scene.objects().getFirst());
        assertEquals(Profession.PILOT, scene.person().orElseThrow().profession());
        assertEquals(Gender.WOMAN, scene.person().orElseThrow().gender());
        EnumSet<Position> blocked = EnumSet.copyOf(Scene.blockedBy(scene.person().get()));
        scene.objects().forEach(o -> assertTrue(!blocked.contains(o.position()), o + " stands where the person is"));
    }
}
