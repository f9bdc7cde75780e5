package io.shiftwatch.testbed.training;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out quality of a model. Captions: exact-word accuracy as defined in {@link CaptionScoring}
 * (position-aligned against the closest valid caption, micro-averaged) and the share of captions
 * generated exactly. VQA: per answer type ("yes/no", "number", "colour", "other"), the share of
 * questions whose generated answer equals the reference answer word for word.
 */
public record EvalReport(int captions, double captionWordAccuracy, double captionExactRate,
                         Map<String, TypeAccuracy> vqa) {
    /** Accuracy over {@code count} questions of one answer type. */
    public record TypeAccuracy(int count, double accuracy) {
    }

    public EvalReport {
        vqa = Map.copyOf(vqa);
    }

    /** Scores generations; captions against the valid captions of their scene under {@code style}. */
    public static EvalReport of(List<Generated> generated, TextStyle style) {
        long matches = 0, length = 0;
        int captions = 0, exact = 0;
        Map<String, int[]> perType = new TreeMap<>();
        for (Generated g : generated) {
            List<String> words = WordVocabulary.splitWords(g.text());
            if (g.isCaption()) {
                CaptionScoring.WordScore s = CaptionScoring.best(words, CaptionScoring.validCaptions(g.scene(), style));
                matches += s.matches();
                length += s.length();
                captions++;
                if (s.exact()) exact++;
            } else {
                int[] c = perType.computeIfAbsent(g.example().answerType(), t -> new int[2]);
                c[0]++;
                if (words.equals(WordVocabulary.splitWords(g.example().answer()))) c[1]++;
            }
        }
        Map<String, TypeAccuracy> vqa = new HashMap<>();
        perType.forEach((t, c) -> vqa.put(t, new TypeAccuracy(c[0], (double) c[1] / c[0])));
        return new EvalReport(captions, length == 0 ? Double.NaN : (double) matches / length,
                captions == 0 ? Double.NaN : (double) exact / captions, vqa);
    }

    /** Lowest VQA accuracy over the answer types (NaN when there were no questions). */
    public double worstVqaAccuracy() {
        return vqa.values().stream().mapToDouble(TypeAccuracy::accuracy).min().orElse(Double.NaN);
    }

    public boolean meets(double captionTarget, double vqaTarget) {
        return captionWordAccuracy >= captionTarget && worstVqaAccuracy() >= vqaTarget;
    }

    /** Flat string map (for checkpoint manifests and event labels), keys prefixed "eval.". */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new TreeMap<>();
        m.put("eval.captions", Integer.toString(captions));
        m.put("eval.captionWordAccuracy", fmt(captionWordAccuracy));
        m.put("eval.captionExactRate", fmt(captionExactRate));
        vqa.forEach((t, a) -> m.put("eval.vqa." + t, fmt(a.accuracy()) + " (n=" + a.count() + ")"));
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "captions n=%d word-accuracy %.4f exact %.4f; vqa",
                captions, captionWordAccuracy, captionExactRate));
        new TreeMap<>(vqa).forEach((t, a) -> b.append(String.format(Locale.ROOT, " %s %.4f (n=%d)", t, a.accuracy(), a.count())));
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
