package io.shiftwatch.bench;

/** Least-squares straight line through points, for growth checks (e.g. RSS per checkpoint). Pure functions. */
public final class Trend {
    private Trend() {
    }

    /** Slope of the least-squares line of {@code y} on {@code x}; needs two or more distinct x values. */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2)
            throw new IllegalArgumentException("slope needs two or more (x, y) points of equal count, got " + x.length + " and " + y.length);
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) throw new IllegalArgumentException("slope of points that all share one x value is undefined");
        return sxy / sxx;
    }
}
