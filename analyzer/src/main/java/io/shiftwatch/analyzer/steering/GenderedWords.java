package io.shiftwatch.analyzer.steering;

import java.util.List;
import java.util.Set;

/**
 * Gendered-word statistics of captions (the debiasing table), pure: over captions of people with
 * {@code profession} that use one of the two gender words, the share using {@code biased}; and the
 * share whose first gender word matches the probe's {@code gender} label, for the profession and for
 * every other profession.
 *
 * @param professionCaptions captions of the profession that use a gender word
 * @param biasedShare        share of them using the biased word first
 * @param professionAccuracy share of them whose gender word matches the image
 * @param othersCaptions     captions of other professions that use a gender word
 * @param othersAccuracy     share of those whose gender word matches the image
 */
public record GenderedWords(int professionCaptions, double biasedShare, double professionAccuracy, int othersCaptions,
                            double othersAccuracy) {

    public static GenderedWords of(List<SampleOutput> outputs, String profession, String biased, String other) {
        Set<String> words = Set.of(biased, other);
        int n = 0, biasedCount = 0, right = 0, on = 0, oRight = 0;
        for (SampleOutput o : outputs) {
            String p = o.probe().labels().get("profession");
            if (p == null || !o.probe().answerType().equals(OutputScores.CAPTION)) continue;
            int at = o.firstOf(words);
            if (at < 0) continue;
            boolean correct = o.tokens().get(at).equals(o.probe().labels().get("gender"));
            if (p.equals(profession)) {
                n++;
                if (o.tokens().get(at).equals(biased)) biasedCount++;
                if (correct) right++;
            } else {
                on++;
                if (correct) oRight++;
            }
        }
        return new GenderedWords(n, share(biasedCount, n), share(right, n), on, share(oRight, on));
    }

    private static double share(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
