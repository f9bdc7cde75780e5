package io.shiftwatch.testbed.world;

/**
 * Inside tests of the object shapes in unit coordinates (u right, v down, the object spans [-1,1]).
 * Returns {@link #OUTSIDE}, {@link #FILL} (object colour), {@link #DARK} (wheels, eye) or
 * {@link #WINDOW}. The centre (0,0) is always {@link #FILL}, so the centre pixel shows the colour.
 */
final class ShapeMasks {
    static final int OUTSIDE = 0, FILL = 1, DARK = 2, WINDOW = 3;

    private ShapeMasks() {
    }

    static int inside(Shape shape, double u, double v) {
        return switch (shape) {
            case CIRCLE -> u * u + v * v <= 0.95 ? FILL : OUTSIDE;
            case SQUARE -> Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8 ? FILL : OUTSIDE;
            case TRIANGLE -> v >= -0.95 && v <= 0.8 && Math.abs(u) <= (v + 0.95) / 1.75 * 0.95 ? FILL : OUTSIDE;
            case CROSS -> (Math.abs(u) <= 0.32 && Math.abs(v) <= 0.95) || (Math.abs(v) <= 0.32 && Math.abs(u) <= 0.95)
                    ? FILL : OUTSIDE;
            case DOG -> dog(u, v);
            case CAR -> car(u, v);
        };
    }

    private static int dog(double u, double v) {
        if (within(u, v, 0.68, -0.38, 0.1)) return DARK;
        double bx = (u + 0.1) / 0.65, by = (v - 0.1) / 0.32;
        boolean body = bx * bx + by * by <= 1;
        boolean head = within(u, v, 0.6, -0.3, 0.32);
        boolean ear = u >= 0.32 && u <= 0.52 && v >= -0.8 && v <= -0.4;
        boolean legs = v >= 0.3 && v <= 0.95 && ((u >= -0.65 && u <= -0.42) || (u >= 0.18 && u <= 0.41));
        boolean tail = u >= -0.98 && u <= -0.7 && v >= -0.4 && v <= 0.0;
        return body || head || ear || legs || tail ? FILL : OUTSIDE;
    }

    private static int car(double u, double v) {
        if (within(u, v, -0.55, 0.58, 0.3) || within(u, v, 0.55, 0.58, 0.3)) return DARK;
        if (u >= -0.35 && u <= 0.3 && v >= -0.5 && v <= -0.22) return WINDOW;
        boolean body = Math.abs(u) <= 0.97 && v >= -0.15 && v <= 0.45;
        boolean cabin = u >= -0.5 && u <= 0.45 && v >= -0.62 && v < -0.15;
        return body || cabin ? FILL : OUTSIDE;
    }

    private static boolean within(double u, double v, double cu, double cv, double r) {
        double du = u - cu, dv = v - cv;
        return du * du + dv * dv <= r * r;
    }
}
