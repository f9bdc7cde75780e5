package io.shiftwatch.analyzer.testing;

import io.shiftwatch.analyzer.concepts.Unembedding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic data for analyzer tests: Gaussian blobs and a toy axis-aligned unembedding. */
public final class Fixtures {
    private Fixtures() {
    }

    /** {@code perBlob} samples around each centre [c, D], isotropic noise {@code sigma}, blob by blob. */
    public static float[][] blobs(float[][] centres, int perBlob, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = centres[0].length;
        float[][] z = new float[centres.length * perBlob][d];
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < perBlob; i++) {
                for (int j = 0; j < d; j++) {
                    z[c * perBlob + i][j] = (float) (centres[c][j] + sigma * gaussian(random));
                }
            }
        }
        return z;
    }

    /** {@code count} centres at distance {@code scale} along the first axes of R^d. */
    public static float[][] axisCentres(int count, int d, float scale) {
        float[][] c = new float[count][d];
        for (int i = 0; i < count; i++) {
            c[i][i % d] = (i / d % 2 == 0 ? scale : -scale);
        }
        return c;
    }

    /** Uniform random matrix [rows, cols] in [-1, 1). */
    public static float[][] uniform(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (2 * random.nextDouble() - 1);
            }
        }
        return m;
    }

    /** Random assignment costs [rows, cols] in (-1, 0], like {@code -cos}. */
    public static double[][] costs(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] c = new double[rows][cols];
        for (double[] row : c) {
            for (int j = 0; j < cols; j++) {
                row[j] = -random.nextDouble();
            }
        }
        return c;
    }

    /** Transpose of {@code m} [rows, cols]. */
    public static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** A seeded permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Rows of {@code z} in the order {@code p}: result[i] = z[p[i]]. */
    public static float[][] permuteRows(float[][] z, int[] p) {
        float[][] out = new float[z.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = z[p[i]].clone();
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * A toy vocabulary of 2D real words for D dimensions: word j (j < D) is the positive direction
     * of axis j, word D + j its negative direction; the unembedding is {@code logits = W z} with
     * rows {@code +e_j} and {@code -e_j}.
     */
    public record AxisVocabulary(List<String> tokens, Unembedding unembedding) {
        private static final String[] WORDS = {"apple", "river", "stone", "cloud", "tiger", "piano", "candle", "forest",
            "garden", "mirror", "rocket", "violin", "desert", "pencil", "harbor", "lantern"};

        public static AxisVocabulary of(int d) {
            if (2 * d > WORDS.length) {
                throw new IllegalArgumentException("toy vocabulary supports D <= " + WORDS.length / 2);
            }
            List<String> tokens = new ArrayList<>();
            for (int j = 0; j < 2 * d; j++) {
                tokens.add(WORDS[j]);
            }
            Unembedding u = vectors -> {
                float[][] logits = new float[vectors.length][2 * d];
                for (int i = 0; i < vectors.length; i++) {
                    for (int j = 0; j < d; j++) {
                        logits[i][j] = vectors[i][j];
                        logits[i][d + j] = -vectors[i][j];
                    }
                }
                return logits;
            };
            return new AxisVocabulary(List.copyOf(tokens), u);
        }
    }
}
