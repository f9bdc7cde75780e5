package io.shiftwatch.testbed.world;

import java.util.Objects;
import java.util.Set;

/** A person in a scene, standing on the left, right or in the centre; all fields non-null. */
public record Person(Profession profession, Gender gender, Position position) {
    /** Positions a person can take (a person is tall, so never at the top or bottom). */
    public static final Set<Position> POSITIONS = Set.of(Position.LEFT, Position.CENTRE, Position.RIGHT);

    public Person {
        Objects.requireNonNull(profession, "profession");
        Objects.requireNonNull(gender, "gender");
        if (!POSITIONS.contains(position))
            throw new IllegalArgumentException("a person stands left, centre or right, not " + position);
    }
}
