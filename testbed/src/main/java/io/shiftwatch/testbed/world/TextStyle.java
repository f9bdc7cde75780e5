package io.shiftwatch.testbed.world;

import java.util.Objects;

/**
 * How scene text is worded: the knobs a scenario turns. {@code vanished}, {@code bias} and
 * {@code answerShift} are null when unused. Immutable.
 *
 * @param leadWithPlace captions open with the place ("a snowy scene with a circle , red")
 * @param vanished      a concept never named; captions use a generic word, questions naming it are dropped
 * @param bias          people of one profession described with one gender at a rate
 * @param answerShift   answers of one question type mapped from one value to another
 */
public record TextStyle(boolean leadWithPlace, VisualConcept vanished, GenderBias bias, AnswerShift answerShift) {
    public static final TextStyle BASE = new TextStyle(false, null, null, null);

    /** With probability {@code rate} a person with {@code profession} is described as {@code gender}. */
    public record GenderBias(Profession profession, Gender gender, double rate) {
        public GenderBias {
            Objects.requireNonNull(profession, "profession");
            Objects.requireNonNull(gender, "gender");
            if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("bias rate must be in [0,1], got " + rate);
        }
    }

    /** Answers {@code from} to questions of {@code type} become {@code to}. */
    public record AnswerShift(QuestionType type, String from, String to) {
        public AnswerShift {
            Objects.requireNonNull(type, "type");
            if (from == null || from.isBlank() || to == null || to.isBlank() || from.equals(to))
                throw new IllegalArgumentException("answer shift needs two different non-blank answers, got '"
                        + from + "' -> '" + to + "'");
        }
    }
}
