package io.shiftwatch.testbed.world;

import java.util.EnumMap;
import java.util.Map;

/**
 * Renders a {@link Scene} to RGB bytes in the {@code ProbeSample} layout (row-major, 3 bytes per
 * pixel, length {@code imageSize*imageSize*3}): the place background (precomputed once per renderer),
 * the objects with a dark outline, then the person. Pixel-exact and deterministic; thread-safe.
 */
public final class SceneRenderer {
    public static final int DEFAULT_IMAGE_SIZE = 32;
    private static final int OUTLINE = PersonPainter.OUTLINE, DARK = 0x282828, WINDOW = 0xC8E6FF;

    private final int imageSize;
    private final Map<Place, byte[]> backgrounds = new EnumMap<>(Place.class);

    /** @param imageSize side of the square image in pixels, 16..512 (32 by default, 64 for sharper cues) */
    public SceneRenderer(int imageSize) {
        if (imageSize < 16 || imageSize > 512)
            throw new IllegalArgumentException("image size must be 16..512 pixels, got " + imageSize);
        this.imageSize = imageSize;
        for (Place place : Place.values()) backgrounds.put(place, Backgrounds.draw(place, imageSize));
    }

    public int imageSize() { return imageSize; }

    /** A fresh array of {@code imageSize*imageSize*3} bytes. */
    public byte[] render(Scene scene) {
        Canvas canvas = new Canvas(imageSize, backgrounds.get(scene.place()).clone());
        for (SceneObject object : scene.objects()) paintObject(canvas, object);
        scene.person().ifPresent(person -> PersonPainter.paint(canvas, person));
        return canvas.rgb;
    }

    private void paintObject(Canvas canvas, SceneObject object) {
        double s = imageSize / 32.0;
        int cx = object.position().x(imageSize), cy = object.position().y(imageSize);
        double r = object.size().radius() * s;
        paintMask(canvas, object, cx, cy, r + s, true);
        paintMask(canvas, object, cx, cy, r, false);
    }

    private static void paintMask(Canvas canvas, SceneObject object, int cx, int cy, double r, boolean outline) {
        int reach = (int) Math.ceil(r);
        for (int y = cy - reach; y <= cy + reach; y++)
            for (int x = cx - reach; x <= cx + reach; x++) {
                int region = ShapeMasks.inside(object.shape(), (x - cx) / r, (y - cy) / r);
                if (region == ShapeMasks.OUTSIDE) continue;
                canvas.set(x, y, outline ? OUTLINE : switch (region) {
                    case ShapeMasks.DARK -> DARK;
                    case ShapeMasks.WINDOW -> WINDOW;
                    default -> object.colour().rgb();
                });
            }
    }
}
