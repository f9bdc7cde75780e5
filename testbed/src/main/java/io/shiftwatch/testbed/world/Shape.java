package io.shiftwatch.testbed.world;

/** Kinds of object the world draws; {@code word} and {@code plural} are the caption words. */
public enum Shape implements VisualConcept {
    CIRCLE("circle", "circles"), SQUARE("square", "squares"), TRIANGLE("triangle", "triangles"),
    CROSS("cross", "crosses"), DOG("dog", "dogs"), CAR("car", "cars");

    private final String word;
    private final String plural;

    Shape(String word, String plural) {
        this.word = word;
        this.plural = plural;
    }

    @Override public String word() { return word; }

    public String plural() { return plural; }

    /** The generic caption word that replaces this shape when it is vanished ("shape" or "thing"). */
    public String genericWord() {
        return switch (this) {
            case CIRCLE, SQUARE, TRIANGLE, CROSS -> "shape";
            case DOG, CAR -> "thing";
        };
    }

    /** Plural of {@link #genericWord()}. */
    public String genericPlural() { return genericWord() + "s"; }
}
