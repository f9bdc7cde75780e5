package io.shiftwatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The exact top-k rows of each query by cosine, over rows regenerated from the seed (a million rows of
 * width 4,096 never sit in memory). One parallel pass computes every row x query dot product in float
 * (eight independent accumulators, so the JIT pipelines them) and keeps the best {@code k + MARGIN}
 * rows per query by that score; those candidates are then re-scored in double and sorted.
 *
 * <p>Certified, not hoped: a float dot product of length D with eight accumulators is off by at most
 * (D/8 + 11)·u·|q|·|r| (chains of D/8 plus up to 7 tail terms, product rounding and the final three additions) (u = 2^-24, Cauchy–Schwarz for the sum of |q_i r_i|); in the score dot/|r| that
 * is BOUND·|q|. Every row outside the candidates scored at most the worst candidate's float score, so
 * if that score plus twice the bound is below the k-th exact score, no outside row can belong to the
 * top k. Otherwise the run stops with an error instead of judging recall against a doubtful truth.
 */
final class BruteForce {
    private static final int MARGIN = 10;
    private static final int CHUNKS = 64;
    private static final double U = Math.ulp(1.0f) / 2;

    private BruteForce() {
    }

    private record Candidate(long row, double score) {
    }

    static List<Set<String>> topIds(ConceptVectorSet set, int n, float[][] asked, int k) {
        long t0 = System.nanoTime();
        int keep = k + MARGIN;
        List<Best[]> partial = IntStream.range(0, CHUNKS).parallel()
                .mapToObj(ch -> scan(set, (long) n * ch / CHUNKS, (long) n * (ch + 1) / CHUNKS, asked, keep)).toList();
        List<Set<String>> ids = new ArrayList<>(asked.length);
        for (int q = 0; q < asked.length; q++) {
            Best merged = new Best(keep);
            for (Best[] p : partial) p[q].into(merged);
            ids.add(Truth.idsOf(certified(set, asked[q], merged, k, q)));
        }
        System.err.printf("pgvector: D=%d brute-force truth for %d queries over %d rows in %.1f s (certified)%n",
                set.dim(), asked.length, n, Timing.secondsSince(t0));
        return ids;
    }

    private static long[] certified(ConceptVectorSet set, float[] query, Best floatBest, int k, int q) {
        Candidate[] exact = new Candidate[floatBest.size];
        for (int i = 0; i < exact.length; i++) {
            float[] row = set.row(floatBest.rows[i]);
            exact[i] = new Candidate(floatBest.rows[i], dotDouble(row, query) / Math.sqrt(dotDouble(row, row)));
        }
        Arrays.sort(exact, Comparator.comparingDouble(Candidate::score).reversed().thenComparingLong(Candidate::row));
        double bound = (query.length / 8.0 + 11) * U * Math.sqrt(dotDouble(query, query));
        if (floatBest.size < exact.length || exact.length <= k) return Arrays.stream(exact).mapToLong(Candidate::row).limit(k).toArray();
        double outside = floatBest.minScore();
        if (outside + 2 * bound >= exact[k - 1].score()) {
            throw new IllegalStateException("brute-force truth of query " + q + " is not certain: rank " + k + " scores "
                    + exact[k - 1].score() + ", an unchecked row may score up to " + (outside + 2 * bound)
                    + "; raise MARGIN in BruteForce and run again");
        }
        return Arrays.stream(exact).mapToLong(Candidate::row).limit(k).toArray();
    }

    private static Best[] scan(ConceptVectorSet set, long from, long to, float[][] asked, int keep) {
        Best[] best = new Best[asked.length];
        for (int q = 0; q < asked.length; q++) best[q] = new Best(keep);
        for (long i = from; i < to; i++) {
            float[] row = set.row(i);
            double inverseNorm = 1 / Math.sqrt(dotDouble(row, row));
            for (int q = 0; q < asked.length; q++) best[q].offer(i, dotFloat(row, asked[q]) * inverseNorm);
        }
        return best;
    }

    static float dotFloat(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= a.length; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < a.length; i++) s0 += a[i] * b[i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static double dotDouble(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    /** The best {@code capacity} (row, score) pairs seen, unordered, with the worst one's slot tracked. */
    static final class Best {
        final long[] rows;
        final double[] scores;
        int size;
        private int worst;

        Best(int capacity) {
            rows = new long[capacity];
            scores = new double[capacity];
        }

        void offer(long row, double score) {
            if (size < rows.length) {
                rows[size] = row;
                scores[size++] = score;
                if (size == rows.length) worst = argMin();
            } else if (score > scores[worst]) {
                rows[worst] = row;
                scores[worst] = score;
                worst = argMin();
            }
        }

        double minScore() {
            return scores[argMin()];
        }

        void into(Best other) {
            for (int i = 0; i < size; i++) other.offer(rows[i], scores[i]);
        }

        private int argMin() {
            int m = 0;
            for (int i = 1; i < size; i++) if (scores[i] < scores[m]) m = i;
            return m;
        }
    }
}
