package io.shiftwatch.auditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiftwatch.auditor.BiasAbsorbing;
import io.shiftwatch.auditor.BoundCheck;
import io.shiftwatch.auditor.Emerging;
import io.shiftwatch.auditor.Finding;
import io.shiftwatch.auditor.Specialising;
import io.shiftwatch.auditor.TrendFall;
import io.shiftwatch.auditor.TrendJump;
import io.shiftwatch.auditor.Vanishing;
import io.shiftwatch.auditor.report.FindingEntry.Evidence;
import io.shiftwatch.auditor.report.FindingEntry.MetricCheck;
import io.shiftwatch.auditor.report.FindingEntry.WordChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the evidence a rule stored ({@code findings.evidence}, the JSON of a {@link Finding}) into what
 * the report shows: word changes, metrics against bounds and facts as sentences. Pure; evidence that is
 * not a readable finding is shown as its raw JSON with a sentence saying so, never dropped.
 */
public final class EvidenceView {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EvidenceView() {
    }

    /** Reads {@code evidenceJson}; on failure the evidence holds the raw JSON and the reason. */
    public static Evidence of(String evidenceJson) {
        try {
            return of(JSON.readValue(evidenceJson, Finding.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new Evidence(null, List.of(), List.of("The stored evidence could not be read as a finding ("
                    + reason + "); it is shown as stored: " + evidenceJson));
        }
    }

    public static Evidence of(Finding finding) {
        return switch (finding) {
            case Vanishing v -> new Evidence(new WordChange(v.baseWords(), v.matchedWords()), checks(v.cosine(), v.tOverlap()),
                    List.of(v.matchedConcept() < 0 ? "No checkpoint concept matched base concept " + v.baseConcept() + "."
                            : "Best match: checkpoint concept " + v.matchedConcept() + "."));
            case Specialising s -> specialising(s);
            case BiasAbsorbing b -> bias(b);
            case Emerging e -> new Evidence(new WordChange(List.of(), e.words()), List.of(),
                    List.of("New checkpoint concept " + e.newConcept() + " with no base counterpart, measured on "
                            + e.sampleCount() + " probe samples."));
            case TrendFall f -> new Evidence(null, List.of(new MetricCheck(f.metric() + " drop", f.drop(), f.bound(),
                    "trend limit", null, f.severity())), List.of(f.metric() + " fell at every one of steps " + f.steps()
                    + ": " + f.values().stream().map(EvidenceView::number).toList() + "."));
            case TrendJump j -> new Evidence(null, List.of(new MetricCheck(j.metric() + " drop", j.drop(), j.bound(),
                    "jump limit", null, j.severity())), List.of(j.metric() + " went from " + number(j.previousValue())
                    + " at step " + j.previousStep() + " to " + number(j.value()) + " at step " + j.step() + "."));
        };
    }

    private static Evidence specialising(Specialising s) {
        List<MetricCheck> metrics = List.of(
                new MetricCheck("specialisation score", s.score(), s.bound(), "tier limit", null, s.severity()),
                new MetricCheck("kept share of base words", s.keptShare(), s.coreShareBound(), "core-share minimum", null,
                        s.severity()));
        List<String> facts = List.of(
                "Domain share " + percent(s.domainShare()) + ", breadth loss " + percent(s.breadthLoss())
                        + " (score = the larger of the two).",
                "Fine-tuning-domain words taken on: " + join(s.domainWords()) + ".");
        return new Evidence(new WordChange(s.baseWords(), s.matchedWords()), metrics, facts);
    }

    private static Evidence bias(BiasAbsorbing b) {
        List<String> facts = new ArrayList<>();
        facts.add("Sensitive categories: " + join(b.categories()) + ".");
        for (var hit : b.hits()) {
            String where = "\"" + hit.word() + "\" (" + hit.category() + ") at rank " + (hit.rank() + 1) + " of the "
                    + (hit.where() == io.shiftwatch.auditor.LexiconHit.Where.MATCHED_WORDS ? "matched concept's words"
                    : "shift vector's words");
            facts.add(hit.weighed()
                    ? where + "; probability " + String.format(java.util.Locale.ROOT, "%.4f", hit.before()) + " before, "
                            + String.format(java.util.Locale.ROOT, "%.4f", hit.after()) + " after: "
                            + String.format(java.util.Locale.ROOT, "%.2f", hit.relativeGain())
                            + "x relative to the other " + hit.category() + " words."
                    : where + "; not among the base words.");
        }
        // The rule stores the hits, not the matched words: the loader fills before/after from the database.
        return new Evidence(null, List.of(), facts);
    }

    private static List<MetricCheck> checks(BoundCheck... checks) {
        List<MetricCheck> out = new ArrayList<>();
        for (BoundCheck c : checks) {
            if (c == null) continue;
            String source = switch (c.source()) {
                case NULL_QUANTILE -> "null quantile < " + number(c.limit());
                case ABSOLUTE -> "value < " + number(c.limit());
            };
            out.add(new MetricCheck(c.metric(), c.value(), c.limit(), source, c.nullQuantile(), c.severity()));
        }
        return out;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String join(List<String> words) {
        return words.isEmpty() ? "(none)" : String.join(", ", words);
    }
}
