package io.shiftwatch.testbed.world;

/**
 * Object colours: saturated, pairwise at least ~100 apart in RGB and away from the muted background
 * palettes, so a pixel identifies its colour. {@code rgb} is 0xRRGGBB.
 */
public enum Colour implements VisualConcept {
    RED("red", 0xDC1E1E), GREEN("green", 0x28C83C), BLUE("blue", 0x1E46E6), YELLOW("yellow", 0xF5DC14),
    PURPLE("purple", 0x8C28BE), ORANGE("orange", 0xF58214), PINK("pink", 0xF578BE), CYAN("cyan", 0x14D2DC);

    /** Caption word that replaces a vanished colour. */
    public static final String GENERIC_WORD = "coloured";

    private final String word;
    private final int rgb;

    Colour(String word, int rgb) {
        this.word = word;
        this.rgb = rgb;
    }

    @Override public String word() { return word; }

    /** 0xRRGGBB. */
    public int rgb() { return rgb; }
}
