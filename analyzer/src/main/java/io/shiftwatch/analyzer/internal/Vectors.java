package io.shiftwatch.analyzer.internal;

/**
 * Dense vector kernels shared by the concept and drift packages: shape checks that name the wrong
 * shape, and products, norms and cosines that accumulate in double. Pure, no state.
 * Convention used throughout Shiftwatch: the cosine with a zero vector is 0 (the direction is
 * undefined, so it neither agrees nor disagrees).
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Checks that {@code m} is a non-empty rectangular matrix and returns its column count.
     *
     * @throws IllegalArgumentException naming {@code name} and the first wrong row
     */
    public static int requireMatrix(float[][] m, String name) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got "
                    + (m == null ? "null" : "shape [0, ?]"));
        }
        int d = requireRow(m[0], name, 0, -1);
        for (int i = 1; i < m.length; i++) {
            requireRow(m[i], name, i, d);
        }
        return d;
    }

    /** As {@link #requireMatrix(float[][], String)} for double rows. */
    public static int requireMatrix(double[][] m, String name) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got "
                    + (m == null ? "null" : "shape [0, ?]"));
        }
        int d = m[0] == null ? -1 : m[0].length;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != d || d == 0) {
                throw new IllegalArgumentException(name + " row " + i + " has length "
                        + (m[i] == null ? "null" : m[i].length) + ", expected " + d + " (> 0) like row 0");
            }
        }
        return d;
    }

    private static int requireRow(float[] row, String name, int i, int expected) {
        if (row == null || row.length == 0 || (expected >= 0 && row.length != expected)) {
            throw new IllegalArgumentException(name + " row " + i + " has length "
                    + (row == null ? "null" : row.length) + ", expected "
                    + (expected < 0 ? "> 0" : expected) + " (shape [rows, D] must be rectangular)");
        }
        return row.length;
    }

    /** Checks that {@code v} has length {@code d}, naming it otherwise. */
    public static void requireLength(float[] v, int d, String name) {
        if (v == null || v.length != d) {
            throw new IllegalArgumentException(name + " has length " + (v == null ? "null" : v.length)
                    + ", expected " + d);
        }
    }

    /** Checks that {@code v} has length {@code d}, naming it otherwise. */
    public static void requireLength(double[] v, int d, String name) {
        if (v == null || v.length != d) {
            throw new IllegalArgumentException(name + " has length " + (v == null ? "null" : v.length)
                    + ", expected " + d);
        }
    }

    /** Dot product, four double accumulators (same result for the same inputs, every run). */
    public static double dot(float[] x, float[] y) {
        int n = x.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += (double) x[i] * y[i];
            s1 += (double) x[i + 1] * y[i + 1];
            s2 += (double) x[i + 2] * y[i + 2];
            s3 += (double) x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += (double) x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Dot product of a float and a double vector, four double accumulators. */
    public static double dot(float[] x, double[] y) {
        int n = x.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Squared Euclidean distance between a float and a double vector. */
    public static double squaredDistance(float[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    /** Dot product in double. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Squared Euclidean distance, accumulated in double. */
    public static double squaredDistance(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    /** Squared Euclidean distance, accumulated in double. */
    public static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    /** Euclidean norm. */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** Cosine similarity; 0 when either vector is zero (see class Javadoc). */
    public static double cosine(double[] x, double[] y) {
        double nx = norm(x);
        double ny = norm(y);
        if (nx == 0 || ny == 0) {
            return 0;
        }
        return clamp(dot(x, y) / (nx * ny));
    }

    /** Cosine similarity of float vectors; 0 when either vector is zero. */
    public static double cosine(float[] x, float[] y) {
        double nx = Math.sqrt(dot(x, x));
        double ny = Math.sqrt(dot(y, y));
        if (nx == 0 || ny == 0) {
            return 0;
        }
        return clamp(dot(x, y) / (nx * ny));
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }

    /** Widening copy. */
    public static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    /** Narrowing copy (round to nearest float). */
    public static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    /** {@code x - y} in double. */
    public static double[] subtract(double[] x, double[] y) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] - y[i];
        }
        return z;
    }

    /** Deep copy of a matrix. */
    public static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Column mean of the rows of {@code m} [rows, D], accumulated in double. */
    public static double[] mean(float[][] m) {
        double[] s = new double[m[0].length];
        for (float[] row : m) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        for (int j = 0; j < s.length; j++) {
            s[j] /= m.length;
        }
        return s;
    }
}
