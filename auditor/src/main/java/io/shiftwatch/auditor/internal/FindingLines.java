package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.BiasAbsorbing;
import io.shiftwatch.auditor.BoundCheck;
import io.shiftwatch.auditor.Emerging;
import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.Specialising;
import io.shiftwatch.auditor.TrendFall;
import io.shiftwatch.auditor.TrendJump;
import io.shiftwatch.auditor.Vanishing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of text per finding for people (gate summary, CLI): the concept's words and the metric
 * against its bound, e.g. {@code words [cat, fur] -> [grass]; cosine 0.100 (null q 0.0000 < 0.0010)}.
 * Lists are cut to their first {@value #WORDS} words. Pure.
 */
public final class FindingLines {
    static final int WORDS = 5;

    private FindingLines() {
    }

    public static String describe(Finding finding) {
        return switch (finding) {
            case Vanishing v -> v.matchedConcept() < 0
                    ? "words " + words(v.baseWords()) + " -> no matching concept"
                    : "words " + words(v.baseWords()) + " -> " + words(v.matchedWords()) + "; " + bound(v.cosine())
                    + ", " + bound(v.tOverlap());
            case Specialising s -> "kept " + words(s.keptWords()) + ", domain words " + words(s.domainWords())
                    + "; score " + f(s.score()) + " >= " + f(s.bound()) + " (domain share " + f(s.domainShare())
                    + ", breadth loss " + f(s.breadthLoss()) + ")";
            case BiasAbsorbing b -> "took in " + b.hits().stream().limit(WORDS)
                    .map(h -> h.word() + " (" + h.category() + ", rank " + h.rank() + ")").collect(Collectors.joining(", "))
                    + "; base words " + words(b.baseWords());
            case Emerging e -> "new concept words " + words(e.words()) + " (" + e.sampleCount() + " samples)";
            case TrendFall t -> t.metric() + " fell " + f(t.drop()) + " >= " + f(t.bound()) + " over steps "
                    + t.steps().getFirst() + ".." + t.steps().getLast();
            case TrendJump j -> j.metric() + " " + f(j.previousValue()) + " -> " + f(j.value()) + " (step "
                    + j.previousStep() + " -> " + j.step() + "), drop " + f(j.drop()) + " >= " + f(j.bound());
        };
    }

    /** A metric against its bound: absolute ({@code value < limit}) or null quantile ({@code q < tier}). */
    static String bound(BoundCheck check) {
        return switch (check.source()) {
            case ABSOLUTE -> check.metric() + " " + f(check.value()) + " < " + f(check.limit());
            case NULL_QUANTILE -> check.metric() + " " + f(check.value()) + " (null q "
                    + String.format(Locale.ROOT, "%.4f", check.nullQuantile()) + " < "
                    + String.format(Locale.ROOT, "%.4f", check.limit()) + ")";
        };
    }

    private static String words(List<String> words) {
        String shown = words.stream().limit(WORDS).collect(Collectors.joining(", "));
        return "[" + shown + (words.size() > WORDS ? ", …" : "") + "]";
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
