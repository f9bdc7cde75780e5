package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.GroundedWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The weight of each grounding word of a matched pair (PAPER.md §3, with the weights the top-N lists
 * leave out): for every word of {@code T^a_k} ∪ {@code T^b_pi(k)} (base words first, then the new
 * ones), its probability {@code before} under the base concept and {@code after} under the matched
 * concept — softmax of the unembedding logits over the whole vocabulary. All three have one entry per
 * word.
 */
public record WordWeights(List<String> words, double[] before, double[] after) {

    public WordWeights {
        if (words == null || before == null || after == null
                || before.length != words.size() || after.length != words.size()) {
            throw new IllegalArgumentException("words, before and after must be non-null and of one length");
        }
        words = List.copyOf(words);
        before = before.clone();
        after = after.clone();
    }

    /** Weights of the union of both groundings, from the two concepts' full logit rows [V]. */
    public static WordWeights of(GroundedWords wordsBefore, GroundedWords wordsAfter, float[] logitsBefore,
                                 float[] logitsAfter) {
        List<String> words = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GroundedWords g : List.of(wordsBefore, wordsAfter)) {
            for (int i = 0; i < g.words().size(); i++) {
                if (seen.add(g.words().get(i))) {
                    words.add(g.words().get(i));
                    ids.add(g.tokenIds()[i]);
                }
            }
        }
        return new WordWeights(words, probabilities(logitsBefore, ids), probabilities(logitsAfter, ids));
    }

    private static double[] probabilities(float[] logits, List<Integer> ids) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double sum = 0;
        for (float l : logits) sum += Math.exp(l - max);
        double logSum = max + Math.log(sum);
        double[] p = new double[ids.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1.0, Math.exp(logits[ids.get(i)] - logSum));
        }
        return p;
    }
}
