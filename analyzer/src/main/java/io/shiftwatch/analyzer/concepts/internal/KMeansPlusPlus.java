package io.shiftwatch.analyzer.concepts.internal;

import io.shiftwatch.analyzer.internal.Vectors;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007; the greedy variant scikit-learn uses):
 * the first centre is a uniformly random sample; each next centre is the best, by resulting
 * potential, of {@code 2 + floor(ln k)} candidates drawn with probability proportional to the
 * squared distance to the nearest centre chosen so far. Ties go to the earlier candidate.
 * Distances to candidates come from the blocked product of {@link CandidateDistances}.
 * Requires at least {@code k} distinct rows (checked by the caller).
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** Initial centres [k, D] for {@code x} [n, D]. */
    static double[][] init(float[][] x, int k, SplittableRandom random) {
        int n = x.length;
        int trials = 2 + (int) Math.floor(Math.log(k));
        double[][] centres = new double[k][];
        centres[0] = Vectors.toDouble(x[random.nextInt(n)]);
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) {
            closest[i] = Vectors.squaredDistance(x[i], centres[0]);
        }
        double[] cumulative = new double[n];
        double[] norms = CandidateDistances.norms(x);
        for (int c = 1; c < k; c++) {
            double potential = prefixSums(closest, cumulative);
            int[] candidates = new int[trials];
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(cumulative, random.nextDouble() * potential);
            }
            // One pass over x for all candidates (the draws depend only on the random stream).
            double[][] toCandidate = CandidateDistances.toSamples(x, norms, candidates);
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += Math.min(closest[i], toCandidate[t][i]);
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    best = t;
                }
            }
            centres[c] = Vectors.toDouble(x[candidates[best]]);
            for (int i = 0; i < n; i++) {
                closest[i] = Math.min(closest[i], toCandidate[best][i]);
            }
        }
        return centres;
    }

    private static double prefixSums(double[] weights, double[] cumulative) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            cumulative[i] = s;
        }
        return s;
    }

    /** First index whose cumulative weight exceeds {@code r}; never a zero-weight index. */
    private static int draw(double[] cumulative, double r) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // r can round up to the total: step back over trailing zero weights.
        while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) {
            lo--;
        }
        return lo;
    }
}
