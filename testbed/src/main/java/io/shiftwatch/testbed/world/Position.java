package io.shiftwatch.testbed.world;

/**
 * Where an object or person stands; {@code fx, fy} are the centre as fractions of the image side
 * (x to the right, y down), {@code phrase} is the caption phrase ("on the left").
 */
public enum Position {
    LEFT("left", "on the left", 0.18, 0.5), RIGHT("right", "on the right", 0.82, 0.5),
    TOP("top", "at the top", 0.5, 0.18), BOTTOM("bottom", "at the bottom", 0.5, 0.82),
    CENTRE("centre", "in the centre", 0.5, 0.5);

    private final String word;
    private final String phrase;
    private final double fx;
    private final double fy;

    Position(String word, String phrase, double fx, double fy) {
        this.word = word;
        this.phrase = phrase;
        this.fx = fx;
        this.fy = fy;
    }

    public String word() { return word; }

    public String phrase() { return phrase; }

    /** Centre column in pixels for an image of side {@code imageSize}. */
    public int x(int imageSize) { return (int) (fx * imageSize); }

    /** Centre row in pixels for an image of side {@code imageSize}. */
    public int y(int imageSize) { return (int) (fy * imageSize); }
}
