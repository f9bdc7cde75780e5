package io.shiftwatch.testbed.world;

/** Gender marker of a person: drawn as long hair and a skirt (woman) or short hair and trousers (man). */
public enum Gender {
    MAN("man", "he"), WOMAN("woman", "she");

    private final String noun;
    private final String pronoun;

    Gender(String noun, String pronoun) {
        this.noun = noun;
        this.pronoun = pronoun;
    }

    public String noun() { return noun; }

    public String pronoun() { return pronoun; }

    /** The other gender. */
    public Gender opposite() {
        return switch (this) {
            case MAN -> WOMAN;
            case WOMAN -> MAN;
        };
    }
}
