package io.shiftwatch.testbed.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One training example: an RGB image (row-major, {@code imageSize*imageSize*3} bytes), a prompt and
 * the answer the scenario teaches, its answer type ("caption", "yes/no", "number", "colour", "other")
 * and labels (scene facts from {@code SceneLabels}, plus task, scenario, template, genderWord).
 */
public record TrainingExample(int imageSize, byte[] rgb, String prompt, String answer, String answerType,
                              Map<String, String> labels) {
    public TrainingExample {
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != imageSize * imageSize * 3)
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + imageSize + "x" + imageSize + "x3");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerType, "answerType");
        labels = Map.copyOf(labels);
    }
}
