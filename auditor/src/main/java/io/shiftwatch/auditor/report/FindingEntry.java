package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One finding of the run as the report shows it: identity, lifecycle, the evidence the rule recorded,
 * the top activating probe images of the base concept (before) and of its latest match (after), a note
 * when images could not be found (null otherwise) and every acknowledgement in order.
 */
public record FindingEntry(String findingId, FindingType type, Severity severity, String state, String target,
                           int layer, int concept, long firstStep, long lastStep, Evidence evidence,
                           List<Thumbnail> imagesBefore, List<Thumbnail> imagesAfter, String imagesNote,
                           List<Acknowledgement> acknowledgements) {
    public FindingEntry {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
        imagesBefore = List.copyOf(imagesBefore);
        imagesAfter = List.copyOf(imagesAfter);
        acknowledgements = List.copyOf(acknowledgements);
    }

    /**
     * What the rule saw: grounding words before/after (null when the finding type has none), metrics
     * against their bounds, and further facts as sentences (lexicon hits, trend values, ...).
     */
    public record Evidence(WordChange words, List<MetricCheck> metrics, List<String> facts) {
        public Evidence {
            metrics = List.copyOf(metrics);
            facts = List.copyOf(facts);
        }

        /** This evidence, with {@code fromDatabase} as its words when the rule stored none. */
        public Evidence withWordsIfMissing(WordChange fromDatabase) {
            return words != null || fromDatabase == null ? this : new Evidence(fromDatabase, metrics, facts);
        }
    }

    /** Grounding words of the base concept (before) and its match (after), and the split into added/kept/lost. */
    public record WordChange(List<String> before, List<String> after) {
        public WordChange {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public List<String> kept() {
            return before.stream().filter(after::contains).toList();
        }

        public List<String> lost() {
            return before.stream().filter(w -> !after.contains(w)).toList();
        }

        public List<String> added() {
            return after.stream().filter(w -> !before.contains(w)).toList();
        }
    }

    /**
     * A metric against its bound: observed {@code value}, the {@code bound} it crossed, where the bound
     * came from (e.g. "null quantile 0.01" or "absolute"), the value's quantile in the null distribution
     * (null when not calibrated) and the tier reached.
     */
    public record MetricCheck(String metric, double value, double bound, String boundSource, Double nullQuantile,
                              Severity severity) {
    }

    /** A probe image as a PNG, with the sample id and its activation on the concept. */
    public record Thumbnail(String sampleId, double activation, byte[] png) {
        public Thumbnail {
            Objects.requireNonNull(sampleId, "sampleId");
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }
    }

    /** Who acknowledged the finding, why and when. */
    public record Acknowledgement(int seq, String who, String why, Instant at) {
    }
}
