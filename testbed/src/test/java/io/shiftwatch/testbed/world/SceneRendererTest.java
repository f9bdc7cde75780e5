package io.shiftwatch.testbed.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneRendererTest {
    private static final SceneRenderer RENDERER = new SceneRenderer(32);

    @Test
    void sameSeedGivesSameSceneAndSameBytes() {
        // Given
        long seed = 42;

        // When
        Scene a = SceneSampler.sample(new SplittableRandom(seed));
        Scene b = SceneSampler.sample(new SplittableRandom(seed));

        // Then
        assertEquals(a, b);
        assertArrayEquals(RENDERER.render(a), RENDERER.render(b));
    }

    @Test
    void pixelAtEveryObjectCentreHasTheObjectsColour() {
        for (int size : new int[] {32, 64}) {
            // Given
            SceneRenderer renderer = new SceneRenderer(size);
            for (long seed = 0; seed < 500; seed++) {
                Scene scene = SceneSampler.sample(new SplittableRandom(seed));

                // When
                byte[] rgb = renderer.render(scene);

                // Then
                for (SceneObject o : scene.objects()) {
                    int i = (o.position().y(size) * size + o.position().x(size)) * 3;
                    int pixel = (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
                    assertEquals(o.colour().rgb(), pixel, "seed " + seed + " size " + size + " object " + o);
                }
            }
        }
    }

    @Test
    void imageHasTheProbeSampleLayout() {
        // Given
        Scene scene = SceneSampler.sample(new SplittableRandom(7));

        // When
        byte[] small = new SceneRenderer(32).render(scene), large = new SceneRenderer(64).render(scene);

        // Then
        assertEquals(32 * 32 * 3, small.length);
        assertEquals(64 * 64 * 3, large.length);
    }

    @Test
    void coloursAreWellSeparated() {
        // Given
        Colour[] colours = Colour.values();

        // When
        double min = Double.MAX_VALUE;
        for (int a = 0; a < colours.length; a++)
            for (int b = a + 1; b < colours.length; b++) min = Math.min(min, distance(colours[a].rgb(), colours[b].rgb()));

        // Then
        assertTrue(colours.length >= 8);
        assertTrue(min >= 90, "closest pair of colours is only " + min + " apart");
    }

    @Test
    void placesHaveDistinctBackgrounds() {
        // Given
        Set<Integer> means = new HashSet<>();

        // When
        for (Place place : Place.values()) means.add(meanColour(Backgrounds.draw(place, 32)));

        // Then
        assertEquals(Place.values().length, means.size());
    }

    @Test
    void personShowsProfessionCue() {
        // Given
        Scene doctor = new Scene(Place.SNOW, java.util.List.of(new SceneObject(Shape.CIRCLE, Colour.BLUE, Size.SMALL, Position.RIGHT)),
                java.util.Optional.of(new Person(Profession.DOCTOR, Gender.WOMAN, Position.LEFT)));

        // When
        byte[] rgb = RENDERER.render(doctor);

        // Then the red cross sits on the chest, at the person's centre pixel
        int i = (Position.LEFT.y(32) * 32 + Position.LEFT.x(32)) * 3;
        assertEquals(0xDC, rgb[i] & 0xFF);
        assertEquals(0x1E, rgb[i + 1] & 0xFF);
    }

    private static int meanColour(byte[] rgb) {
        long r = 0, g = 0, b = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            r += rgb[i] & 0xFF;
            g += rgb[i + 1] & 0xFF;
            b += rgb[i + 2] & 0xFF;
        }
        int n = rgb.length / 3;
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    private static double distance(int a, int b) {
        double dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF), dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF), db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
