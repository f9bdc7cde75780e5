package io.shiftwatch.testbed.world;

import java.util.Objects;

/** One object in a scene; all fields non-null. */
public record SceneObject(Shape shape, Colour colour, Size size, Position position) {
    public SceneObject {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(position, "position");
    }
}
