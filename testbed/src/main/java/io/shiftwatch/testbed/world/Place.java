package io.shiftwatch.testbed.world;

/**
 * Backgrounds, each a distinct colour pattern. {@code word} answers "what place is this",
 * {@code adjective} leads place-focused captions ("a snowy scene"), {@code phrase} ends base captions.
 */
public enum Place {
    BEACH("beach", "sandy", "on the beach"), FOREST("forest", "leafy", "in the forest"),
    CITY("city", "urban", "in the city"), SNOW("snow", "snowy", "in the snow");

    private final String word;
    private final String adjective;
    private final String phrase;

    Place(String word, String adjective, String phrase) {
        this.word = word;
        this.adjective = adjective;
        this.phrase = phrase;
    }

    public String word() { return word; }

    public String adjective() { return adjective; }

    public String phrase() { return phrase; }
}
