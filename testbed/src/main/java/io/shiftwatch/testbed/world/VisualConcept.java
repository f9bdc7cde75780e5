package io.shiftwatch.testbed.world;

/** A concept that a scenario can make vanish from the text: a shape or a colour. */
public sealed interface VisualConcept permits Shape, Colour {
    /** The caption word naming the concept. */
    String word();

    /** Looks a concept up by its word ("circle", "red"); throws naming the known words otherwise. */
    static VisualConcept byWord(String word) {
        for (Shape s : Shape.values()) if (s.word().equals(word)) return s;
        for (Colour c : Colour.values()) if (c.word().equals(word)) return c;
        throw new IllegalArgumentException("'" + word + "' is not a shape or colour word; known: "
                + java.util.Arrays.toString(Shape.values()) + " " + java.util.Arrays.toString(Colour.values()));
    }
}
