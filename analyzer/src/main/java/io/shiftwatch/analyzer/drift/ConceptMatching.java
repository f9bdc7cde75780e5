package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.Arrays;

/**
 * The matching {@code pi} of base concepts to checkpoint concepts (PAPER.md §4): one-to-one,
 * maximising the total cosine similarity (Hungarian algorithm on {@code -cos(u^a_k, u^b_j)}).
 * {@code cosines} [K_a, K_b] holds every pairwise cosine; {@code baseToCheckpoint} [K_a] the
 * matched checkpoint concept or -1 (only when K_a > K_b); {@code checkpointToBase} [K_b] the inverse,
 * -1 for checkpoint concepts left unmatched (only when K_b > K_a). Arrays read-only; never null.
 */
public record ConceptMatching(double[][] cosines, int[] baseToCheckpoint, int[] checkpointToBase) {

    public ConceptMatching {
        int kb = Vectors.requireMatrix(cosines, "cosines [K_a, K_b]");
        if (baseToCheckpoint.length != cosines.length || checkpointToBase.length != kb) {
            throw new IllegalArgumentException("matching arrays have lengths " + baseToCheckpoint.length + " and "
                    + checkpointToBase.length + ", expected K_a = " + cosines.length + " and K_b = " + kb);
        }
        cosines = Arrays.stream(cosines).map(double[]::clone).toArray(double[][]::new);
        baseToCheckpoint = baseToCheckpoint.clone();
        checkpointToBase = checkpointToBase.clone();
    }

    /** Matches the concepts of {@code base} to those of {@code checkpoint} (same D). */
    public static ConceptMatching match(ConceptDictionary base, ConceptDictionary checkpoint) {
        if (base.dimension() != checkpoint.dimension()) {
            throw new IllegalArgumentException("base concepts have D = " + base.dimension()
                    + " but checkpoint concepts have D = " + checkpoint.dimension());
        }
        double[][] cos = new double[base.k()][checkpoint.k()];
        double[][] cost = new double[base.k()][checkpoint.k()];
        for (int a = 0; a < base.k(); a++) {
            for (int b = 0; b < checkpoint.k(); b++) {
                cos[a][b] = Vectors.cosine(base.concept(a), checkpoint.concept(b));
                cost[a][b] = -cos[a][b];
            }
        }
        int[] pi = Hungarian.minimise(cost);
        int[] inverse = new int[checkpoint.k()];
        Arrays.fill(inverse, -1);
        for (int a = 0; a < pi.length; a++) {
            if (pi[a] >= 0) {
                inverse[pi[a]] = a;
            }
        }
        return new ConceptMatching(cos, pi, inverse);
    }

    /** Whether base concept {@code k} has a match. */
    public boolean isMatched(int k) {
        return baseToCheckpoint[k] >= 0;
    }

    /** {@code cos(u^a_k, u^b_pi(k))}; throws when k is unmatched. */
    public double matchedCosine(int k) {
        if (!isMatched(k)) {
            throw new IllegalStateException("base concept " + k + " has no match (K_a > K_b)");
        }
        return cosines[k][baseToCheckpoint[k]];
    }

    /** Largest cosine of checkpoint concept {@code j} with any base concept. */
    public double bestBaseCosine(int j) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] row : cosines) {
            best = Math.max(best, row[j]);
        }
        return best;
    }
}
