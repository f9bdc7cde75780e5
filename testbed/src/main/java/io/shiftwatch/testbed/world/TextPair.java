package io.shiftwatch.testbed.world;

import java.util.Map;
import java.util.Objects;

/**
 * A prompt and its answer about one scene. {@code task} is "caption" or a {@link QuestionType#word()};
 * {@code answerType} is "caption", "yes/no", "number", "colour" or "other"; {@code labels} carries
 * text-side facts (template index, the gender word used). All non-null, immutable.
 */
public record TextPair(String prompt, String answer, String answerType, String task, Map<String, String> labels) {
    public TextPair {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerType, "answerType");
        Objects.requireNonNull(task, "task");
        labels = Map.copyOf(labels);
    }
}
