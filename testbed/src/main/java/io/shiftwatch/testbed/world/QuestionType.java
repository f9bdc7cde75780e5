package io.shiftwatch.testbed.world;

/**
 * The VQA question types with their answer type ("yes/no", "number", "colour", "other") and an
 * example prompt. {@code word} is the stable lower-case name used in labels and ground truth.
 */
public enum QuestionType {
    IS_THERE_SHAPE("yes/no", "is there a dog"), IS_THERE_COLOUR("yes/no", "is there anything red"),
    IS_THERE_PERSON("yes/no", "is there a person"), HOW_MANY("number", "how many squares are there"),
    WHAT_COLOUR("colour", "what colour is the circle"), WHAT_PLACE("other", "what place is this"),
    WHAT_PROFESSION("other", "what is the job of the person"), WHERE_PERSON("other", "where is the person"),
    WHERE_SHAPE("other", "where is the circle"), WHAT_SHAPE("other", "what is on the left");

    private final String answerType;
    private final String example;

    QuestionType(String answerType, String example) {
        this.answerType = answerType;
        this.example = example;
    }

    /** "yes/no", "number", "colour" or "other" (the {@code ProbeSample} answer types). */
    public String answerType() { return answerType; }

    /** An example prompt of this type. */
    public String example() { return example; }

    /** Stable lower-case name, e.g. "is_there_shape". */
    public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
}
