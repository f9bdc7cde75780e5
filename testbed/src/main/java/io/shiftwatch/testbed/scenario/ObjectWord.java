package io.shiftwatch.testbed.scenario;

import java.util.Objects;

/**
 * A word that names an object drawn in an example's image, and the pixel at the object's centre
 * ({@code x} to the right, {@code y} down): what the patch-word loss teaches the patch under that
 * pixel to predict.
 */
public record ObjectWord(String word, int x, int y) {
    public ObjectWord {
        Objects.requireNonNull(word, "word");
        if (x < 0 || y < 0) throw new IllegalArgumentException("object centre (" + x + ", " + y + ") is outside the image");
    }
}
