package io.shiftwatch.models;

import java.util.Objects;

/**
 * One probe: an RGB image and a prompt, with the expected output when known.
 *
 * @param id         stable id within its probe set, never blank
 * @param imageSize  side of the square image in pixels
 * @param rgb        pixels, row-major, 3 bytes (R,G,B) per pixel, length {@code imageSize*imageSize*3}
 * @param prompt     the text prompt (e.g. "describe the image" or a VQA question), never null
 * @param expected   expected caption/answer, or null when unknown
 * @param answerType "caption", "yes/no", "number", "colour", "other"; never null
 */
public record ProbeSample(String id, int imageSize, byte[] rgb, String prompt, String expected, String answerType) {
    public ProbeSample {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("probe sample id must not be blank");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answerType, "answerType");
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != imageSize * imageSize * 3)
            throw new IllegalArgumentException("sample " + id + ": rgb has " + rgb.length + " bytes, expected "
                    + imageSize + "x" + imageSize + "x3 = " + (imageSize * imageSize * 3));
    }
}
