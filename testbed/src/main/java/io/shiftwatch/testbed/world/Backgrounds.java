package io.shiftwatch.testbed.world;

/**
 * The place backgrounds as row-major RGB, drawn in 32-pixel units so every image size shows the
 * same pattern: beach (sky, sea band with waves, speckled sand), forest (dark canopy, trunks),
 * city (skyline with windowed buildings, road), snow (pale sky with flakes, white ground).
 */
final class Backgrounds {
    private Backgrounds() {
    }

    static byte[] draw(Place place, int size) {
        Canvas canvas = new Canvas(size, new byte[size * size * 3]);
        double s = size / 32.0;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) canvas.set(x, y, colourAt(place, (int) (x / s), (int) (y / s)));
        return canvas.rgb;
    }

    /** Background colour at (x, y) in 32-pixel units. */
    static int colourAt(Place place, int x, int y) {
        return switch (place) {
            case BEACH -> y < 11 ? 0x96C8F0 : y < 16 ? ((x + 2 * y) % 6 == 0 ? 0x78AADC : 0x2864AA)
                    : ((x * 7 + y * 13) % 11 == 0 ? 0xB9A078 : 0xE1CD96);
            case FOREST -> y < 12 ? (((x / 3) + (y / 3)) % 2 == 0 ? 0x1E4B23 : 0x2D6E32)
                    : (x % 8 == 3 || x % 8 == 4) ? 0x64411E : 0x3C6E37;
            case CITY -> city(x, y);
            case SNOW -> y < 10 ? ((x * 5 + y * 3) % 9 == 0 ? 0xFFFFFF : 0xC3CDDC)
                    : ((x + y) % 7 == 0 ? 0xD7DCE6 : 0xF0F3FA);
        };
    }

    private static int city(int x, int y) {
        if (y >= 27) return (x % 6 < 3 && y == 29) ? 0xB4B4B4 : 0x46464B;
        int[] tops = {7, 11, 4, 9};
        if (y < tops[(x / 8) % tops.length]) return 0xAFB9C8;
        return (x % 4 == 1 && y % 4 == 1) ? 0x3C3C46 : 0x6E6E78;
    }
}
