package io.shiftwatch.testbed.training;

import io.shiftwatch.testbed.scenario.TrainingExample;
import io.shiftwatch.testbed.world.Scene;
import java.util.Objects;

/**
 * What a model generated for one held-out example: the example (prompt, reference answer, labels),
 * the scene it shows and the generated text (words joined by single spaces). Non-null.
 */
public record Generated(TrainingExample example, Scene scene, String text) {
    public Generated {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(text, "text");
    }

    public boolean isCaption() {
        return example.answerType().equals("caption");
    }
}
