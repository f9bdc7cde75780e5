package io.shiftwatch.testbed.world;

/** Row-major RGB pixels of a square image with clipped fill primitives; coordinates in pixels. */
final class Canvas {
    final int size;
    final byte[] rgb;

    Canvas(int size, byte[] rgb) {
        this.size = size;
        this.rgb = rgb;
    }

    void set(int x, int y, int colour) {
        if (x < 0 || y < 0 || x >= size || y >= size) return;
        int i = (y * size + x) * 3;
        rgb[i] = (byte) (colour >>> 16);
        rgb[i + 1] = (byte) (colour >>> 8);
        rgb[i + 2] = (byte) colour;
    }

    /** Fills pixels whose centres lie in [x0,x1) x [y0,y1). */
    void fillRect(double x0, double y0, double x1, double y1, int colour) {
        int ax = Math.max(0, (int) Math.ceil(x0 - 0.5)), bx = Math.min(size, (int) Math.ceil(x1 - 0.5));
        int ay = Math.max(0, (int) Math.ceil(y0 - 0.5)), by = Math.min(size, (int) Math.ceil(y1 - 0.5));
        for (int y = ay; y < by; y++)
            for (int x = ax; x < bx; x++) set(x, y, colour);
    }

    /** Fills pixels whose centres lie within {@code r} of (cx, cy). */
    void fillCircle(double cx, double cy, double r, int colour) {
        int ax = (int) Math.floor(cx - r), bx = (int) Math.ceil(cx + r);
        int ay = (int) Math.floor(cy - r), by = (int) Math.ceil(cy + r);
        for (int y = ay; y <= by; y++)
            for (int x = ax; x <= bx; x++) {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= r * r) set(x, y, colour);
            }
    }

    /** Fills a trapezoid centred on {@code cx}: half-width {@code w0} at row y0 growing linearly to {@code w1} at y1. */
    void fillTrapezoid(double cx, double y0, double y1, double w0, double w1, int colour) {
        int ay = Math.max(0, (int) Math.ceil(y0 - 0.5)), by = Math.min(size, (int) Math.ceil(y1 - 0.5));
        for (int y = ay; y < by; y++) {
            double w = w0 + (w1 - w0) * (y + 0.5 - y0) / (y1 - y0);
            fillRect(cx - w, y + 0.5, cx + w, y + 1.5, colour);
        }
    }
}
