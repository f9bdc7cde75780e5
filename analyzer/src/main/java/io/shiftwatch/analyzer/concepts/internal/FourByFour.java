package io.shiftwatch.analyzer.concepts.internal;

/**
 * The micro-kernel of {@link CentreScores} and {@link CandidateDistances}: dot products of float
 * rows with double centres. Every product has ONE definition, whichever method, block or thread
 * computes it: eight lane sums, lane {@code l} being an FMA chain over dimensions
 * {@code d = l, l + 8, ...} below {@code 8 * floor(D / 8)}, added as
 * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, then the tail dimensions chained on
 * in order. With the Vector API ({@code --add-modules jdk.incubator.vector}) on 512-bit hardware
 * the eight lanes are one {@code DoubleVector} and four rows are multiplied by four centres per
 * pass ({@link LaneVectors}); otherwise the same lanes run as scalar {@link Math#fma} chains
 * ({@link #laneDot}): slower, same bits.
 */
final class FourByFour {
    /** Rows and centres per kernel call. */
    static final int ROWS = 4;
    static final int CENTRES = 4;
    /** Lanes of the definition above; fixed, so results do not depend on the hardware. */
    static final int LANES = 8;
    /** Whether the vector kernel runs (module present and 512-bit vectors in hardware). */
    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && LaneVectors.native512();

    private FourByFour() {
    }

    /**
     * {@code out[r][j] = x[i + r] . centres[j]} for every centre j and the rows {@code i + r} below
     * {@code to} (at most four); returns that row count. Full groups of four rows by four centres go
     * through the blocked kernel, the rest pair by pair through {@link #dot} (same bits either way).
     */
    static int rowsByCentres(float[][] x, int i, int to, double[][] centres, double[][] out) {
        int k = centres.length;
        int rows = Math.min(ROWS, to - i);
        int j = 0;
        if (rows == ROWS && SIMD) {
            for (; j + CENTRES <= k; j += CENTRES) {
                LaneVectors.dots(x, i, centres, j, out);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = j; c < k; c++) {
                out[r][c] = dot(x[i + r], centres[c]);
            }
        }
        return rows;
    }

    /** {@code row . centre} by the definition above (one pair; same bits as the blocked kernel). */
    static double dot(float[] row, double[] centre) {
        return SIMD ? LaneVectors.dot(row, centre) : laneDot(row, centre);
    }

    /** {@code sum[d] += row[d]} for every d (element-wise, so the same bits with or without vectors). */
    static void addTo(float[] row, double[] sum) {
        int d = SIMD ? LaneVectors.addTo(row, sum) : 0;
        for (; d < row.length; d++) {
            sum[d] += row[d];
        }
    }

    /** The definition above in scalar code: eight {@link Math#fma} chains, then the fixed sum and tail. */
    static double laneDot(float[] row, double[] centre) {
        double[] lanes = new double[LANES];
        int whole = whole(row.length);
        for (int d = 0; d < whole; d += LANES) {
            for (int l = 0; l < LANES; l++) {
                lanes[l] = Math.fma(row[d + l], centre[d + l], lanes[l]);
            }
        }
        return tail(sum(lanes), row, centre, whole);
    }

    /** Dimensions covered by the lanes: {@code 8 * floor(D / 8)}. */
    static int whole(int d) {
        return d - d % LANES;
    }

    /** The fixed sum of the eight lanes. */
    static double sum(double[] l) {
        return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
    }

    /** {@code s} with the tail dimensions {@code [whole, D)} chained on in order. */
    static double tail(double s, float[] row, double[] centre, int whole) {
        for (int d = whole; d < row.length; d++) {
            s = Math.fma(row[d], centre[d], s);
        }
        return s;
    }
}
