package io.shiftwatch.testbed.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One training example: an RGB image (row-major, {@code imageSize*imageSize*3} bytes), a prompt and
 * the answer the scenario teaches, its answer type ("caption", "yes/no", "number", "colour", "other")
 * labels (scene facts from {@code SceneLabels}, plus task, scenario, template, genderWord) and the
 * words naming the drawn objects with their centres (for the patch-word loss; may be empty).
 */
public record TrainingExample(int imageSize, byte[] rgb, String prompt, String answer, String answerType,
                              Map<String, String> labels, List<ObjectWord> objectWords) {
    /** An example without object words. */
    public TrainingExample(int imageSize, byte[] rgb, String prompt, String answer, String answerType, Map<String, String> labels) {
        this(imageSize, rgb, prompt, answer, answerType, labels, List.of());
    }

    public TrainingExample {
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != imageSize * imageSize * 3)
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + imageSize + "x" + imageSize + "x3");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerType, "answerType");
        labels = Map.copyOf(labels);
        objectWords = List.copyOf(objectWords);
        for (ObjectWord w : objectWords)
            if (w.x() >= imageSize || w.y() >= imageSize)
                throw new IllegalArgumentException("object word '" + w.word() + "' at (" + w.x() + ", " + w.y() + ") lies outside the "
                        + imageSize + "x" + imageSize + " image");
    }
}
