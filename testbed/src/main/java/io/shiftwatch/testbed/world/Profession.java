package io.shiftwatch.testbed.world;

/** Professions a person can have; each is drawn with its own cue (red cross, tall white hat, navy cap). */
public enum Profession {
    DOCTOR("doctor"), CHEF("chef"), PILOT("pilot");

    private final String word;

    Profession(String word) { this.word = word; }

    public String word() { return word; }
}
