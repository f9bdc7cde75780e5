package io.shiftwatch.testbed.world;

/** Object size; {@code radius} is the half-extent in pixels of a 32x32 image (scaled with the image). */
public enum Size {
    SMALL("small", 3.5), LARGE("large", 5.5);

    private final String word;
    private final double radius;

    Size(String word, double radius) {
        this.word = word;
        this.radius = radius;
    }

    public String word() { return word; }

    /** Half-extent in pixels at 32x32. */
    public double radius() { return radius; }
}
