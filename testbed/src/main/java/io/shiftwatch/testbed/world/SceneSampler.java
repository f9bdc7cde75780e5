package io.shiftwatch.testbed.world;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Samples scenes from an injected {@link RandomGenerator}: the same generator state gives the same
 * scene. Half of the scenes have a person; later objects repeat an earlier shape 40% of the time so
 * that counts of 2 and 3 occur. Stateless.
 */
public final class SceneSampler {
    private static final double PERSON_RATE = 0.5;
    private static final double REPEAT_SHAPE_RATE = 0.4;

    private SceneSampler() {
    }

    /** A scene drawn entirely from {@code rng}. */
    public static Scene sample(RandomGenerator rng) {
        Place place = pick(rng, Place.values());
        Optional<Person> person = rng.nextDouble() < PERSON_RATE
                ? Optional.of(person(rng, pick(rng, Profession.values()), pick(rng, Gender.values())))
                : Optional.empty();
        return new Scene(place, objects(rng, person, pick(rng, Shape.values()), pick(rng, Colour.values())), person);
    }

    /**
     * A scene with a fixed place, first object (shape and colour) and person (profession and gender,
     * or no person when {@code profession} is null); everything else is drawn from {@code rng}.
     */
    public static Scene sample(RandomGenerator rng, Place place, Shape firstShape, Colour firstColour,
                               Profession profession, Gender gender) {
        Optional<Person> person = profession == null ? Optional.empty() : Optional.of(person(rng, profession, gender));
        return new Scene(place, objects(rng, person, firstShape, firstColour), person);
    }

    private static Person person(RandomGenerator rng, Profession profession, Gender gender) {
        return new Person(profession, gender, pick(rng, Person.POSITIONS.stream().sorted().toArray(Position[]::new)));
    }

    private static List<SceneObject> objects(RandomGenerator rng, Optional<Person> person, Shape firstShape,
                                             Colour firstColour) {
        Set<Position> free = EnumSet.allOf(Position.class);
        person.ifPresent(p -> free.removeAll(Scene.blockedBy(p)));
        List<Position> positions = new ArrayList<>(free);
        int count = 1 + rng.nextInt(Math.min(3, positions.size()));
        List<SceneObject> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Position position = positions.remove(rng.nextInt(positions.size()));
            Shape shape = i == 0 ? firstShape
                    : rng.nextDouble() < REPEAT_SHAPE_RATE ? objects.get(rng.nextInt(i)).shape() : pick(rng, Shape.values());
            Colour colour = i == 0 ? firstColour : pick(rng, Colour.values());
            objects.add(new SceneObject(shape, colour, pick(rng, Size.values()), position));
        }
        return objects;
    }

    private static <T> T pick(RandomGenerator rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }
}
