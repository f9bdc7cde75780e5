package io.shiftwatch.analyzer.concepts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Overlap measures of groundings (PAPER.md §3). Word lists are treated as sets. Within one
 * dictionary, {@code Overlap = 1/(K(K-1)) * sum_{k != l} |T_l ∩ T_k| / |T_k|} (lower = more
 * distinct; a term with empty {@code T_k} counts 0; K = 1 gives 0). Across models,
 * {@code T-Overlap = |T_a ∩ T_b| / N} and the image-grounding overlap {@code |I_a ∩ I_b| / N} over
 * the top-N sample sets; fractions in [0, 1] (reports multiply by 100).
 */
public final class Overlap {
    private Overlap() {
    }

    /** Within-dictionary Overlap of the word lists {@code T_1..T_K} of one dictionary. */
    public static double withinDictionary(List<List<String>> words) {
        int k = words.size();
        if (k < 2) {
            return 0;
        }
        List<Set<String>> sets = words.stream().<Set<String>>map(HashSet::new).toList();
        double sum = 0;
        for (int a = 0; a < k; a++) {
            if (sets.get(a).isEmpty()) {
                continue;
            }
            for (int b = 0; b < k; b++) {
                if (a != b) {
                    sum += (double) intersection(sets.get(b), sets.get(a)) / sets.get(a).size();
                }
            }
        }
        return sum / ((double) k * (k - 1));
    }

    /** {@code T-Overlap = |T_a ∩ T_b| / n} (PAPER.md §3), n = the number of words kept per concept (15). */
    public static double tOverlap(List<String> a, List<String> b, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return (double) intersection(new HashSet<>(a), new HashSet<>(b)) / n;
    }

    /** Image-grounding overlap {@code |I_a ∩ I_b| / n} of two top-n sample index sets. */
    public static double imageOverlap(int[] a, int[] b, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Set<Integer> sa = new HashSet<>();
        for (int i : a) {
            sa.add(i);
        }
        Set<Integer> sb = new HashSet<>();
        for (int i : b) {
            sb.add(i);
        }
        return (double) intersection(sa, sb) / n;
    }

    private static <T> int intersection(Set<T> a, Set<T> b) {
        int count = 0;
        for (T t : a) {
            if (b.contains(t)) {
                count++;
            }
        }
        return count;
    }
}
