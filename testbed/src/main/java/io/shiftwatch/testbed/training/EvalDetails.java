package io.shiftwatch.testbed.training;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.world.TextStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model's held-out errors are: accuracy per QUESTION type (finer than {@link EvalReport}'s
 * answer types; captions as one "caption" row of exact-caption rate) and one TSV row per example
 * (kind, correct, prompt, reference, generated, scene objects/place/person) so the wrong answers can be
 * read and grouped. A caption's reference is its closest valid caption. Pure except {@link #write}.
 */
public final class EvalDetails {
    /** Header of the TSV written by {@link #write}. */
    public static final String HEADER = "kind\tcorrect\tprompt\treference\tgenerated\tobjects\tplace\tperson";

    private EvalDetails() {
    }

    /** {@code kind -> [count, correct]}; kind = the question type word or "caption" (correct = exact). */
    public static Map<String, int[]> byKind(List<Generated> generated, TextStyle style) {
        Map<String, int[]> out = new TreeMap<>();
        for (Generated g : generated) {
            int[] c = out.computeIfAbsent(kind(g), k -> new int[2]);
            c[0]++;
            if (correct(g, style)) c[1]++;
        }
        return out;
    }

    /** One line per kind: "how_many 0.4638 (n=69)". */
    public static String summary(Map<String, int[]> byKind) {
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, c) -> b.append(String.format(Locale.ROOT, "%-16s %.4f (n=%d)%n", k, (double) c[1] / c[0], c[0])));
        return b.toString();
    }

    /** TSV rows (without header), in input order. */
    public static List<String> rows(List<Generated> generated, TextStyle style) {
        List<String> rows = new ArrayList<>(generated.size());
        for (Generated g : generated) {
            Map<String, String> labels = g.example().labels();
            rows.add(String.join("\t", kind(g), correct(g, style) ? "1" : "0", g.example().prompt(), reference(g, style),
                    g.text(), labels.getOrDefault("objects", ""), labels.getOrDefault("place", ""),
                    labels.getOrDefault("person", "no").equals("yes")
                            ? labels.get("gender") + " " + labels.get("profession") + " " + labels.get("personPosition") : "no"));
        }
        return rows;
    }

    public static void write(Path file, List<Generated> generated, TextStyle style) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(rows(generated, style));
        Files.write(file, lines);
    }

    static String kind(Generated g) {
        return g.isCaption() ? "caption" : g.example().labels().getOrDefault("task", g.example().answerType());
    }

    private static boolean correct(Generated g, TextStyle style) {
        List<String> words = WordVocabulary.splitWords(g.text());
        if (!g.isCaption()) return words.equals(WordVocabulary.splitWords(g.example().answer()));
        return CaptionScoring.best(words, CaptionScoring.validCaptions(g.scene(), style)).exact();
    }

    private static String reference(Generated g, TextStyle style) {
        if (!g.isCaption()) return g.example().answer();
        List<String> words = WordVocabulary.splitWords(g.text());
        List<String> best = null;
        CaptionScoring.WordScore bestScore = null;
        for (List<String> ref : CaptionScoring.validCaptions(g.scene(), style)) {
            CaptionScoring.WordScore s = CaptionScoring.compare(words, ref);
            if (bestScore == null || (long) s.matches() * bestScore.length() > (long) bestScore.matches() * s.length()) {
                bestScore = s;
                best = ref;
            }
        }
        return String.join(" ", best);
    }
}
