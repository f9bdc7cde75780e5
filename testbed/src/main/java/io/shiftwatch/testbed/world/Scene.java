package io.shiftwatch.testbed.world;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One sampled scene: a place, 1-3 objects at distinct positions and at most one person, who keeps
 * their column free (a person in the centre also blocks the top and bottom). Immutable, non-null.
 */
public record Scene(Place place, List<SceneObject> objects, Optional<Person> person) {
    public Scene {
        Objects.requireNonNull(place, "place");
        objects = List.copyOf(objects);
        Objects.requireNonNull(person, "person (use Optional.empty())");
        if (objects.isEmpty() || objects.size() > 3)
            throw new IllegalArgumentException("a scene has 1-3 objects, got " + objects.size());
        Set<Position> taken = EnumSet.noneOf(Position.class);
        person.ifPresent(p -> taken.addAll(blockedBy(p)));
        for (SceneObject o : objects)
            if (!taken.add(o.position()))
                throw new IllegalArgumentException("two entities at position " + o.position() + " in " + objects);
    }

    /** Positions a person makes unavailable to objects. */
    public static Set<Position> blockedBy(Person person) {
        return switch (person.position()) {
            case CENTRE, TOP, BOTTOM -> EnumSet.of(Position.CENTRE, Position.TOP, Position.BOTTOM);
            case LEFT -> EnumSet.of(Position.LEFT);
            case RIGHT -> EnumSet.of(Position.RIGHT);
        };
    }

    /** Number of objects of this shape (0-3). */
    public int count(Shape shape) {
        return (int) objects.stream().filter(o -> o.shape() == shape).count();
    }

    /** Whether any object has this colour. */
    public boolean hasColour(Colour colour) {
        return objects.stream().anyMatch(o -> o.colour() == colour);
    }

    /** The object at a position, if any. */
    public Optional<SceneObject> objectAt(Position position) {
        return objects.stream().filter(o -> o.position() == position).findFirst();
    }
}
