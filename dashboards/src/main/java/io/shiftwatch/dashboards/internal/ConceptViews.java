package io.shiftwatch.dashboards.internal;

import java.util.List;

/** The JSON shapes of the concept page and of concept search. */
public final class ConceptViews {
    private ConceptViews() {
    }

    /** A top-activating probe sample: its id, activation and the image URL (may answer 404 "not available"). */
    public record TopImage(int rank, String sampleId, double activation, String url) {
    }

    /** One stored concept: database id, index in its dictionary, grounding words (best first), top images. */
    public record StoredConcept(long conceptId, int index, int sampleCount, List<String> words, List<TopImage> images) {
    }

    /** Grounding words compared: in both (kept), only after (added), only before (lost). */
    public record WordChange(List<String> kept, List<String> added, List<String> lost) {
    }

    /**
     * A metric against its calibrated bound: the {@code quantile} of the base-vs-itself null distribution
     * ({@code nullSamples} values); {@code outside} when the value lies in the suspicious tail.
     */
    public record Bound(String metric, Double value, String tail, double quantile, Double bound, int nullSamples,
                        Boolean outside, String note) {
    }

    /** The shift metrics of PAPER.md §4 for one base concept at one step (any may be null when undefined). */
    public record Shift(int sampleCount, Double magnitude, Double consistency, Double meanCosToMean, Double recoveryCos,
                        Double recoveryL2, Double shiftedTOverlap, Double baseTOverlap, List<String> shiftWords) {
    }

    /** The concept page. {@code matched} is null when the concept vanished at this step. */
    public record ConceptDetail(String runId, String target, int layer, int concept, long step, List<Long> steps,
                                StoredConcept base, StoredConcept matched, Double cosine, Double tOverlap,
                                Double imageOverlap, WordChange words, Shift shift, List<Bound> bounds,
                                List<RunViews.Point> series, List<RunViews.FindingView> findings) {
    }

    /** A search hit: where the concept lives (run/step null for base concepts) and its similarity to the query. */
    public record Hit(long conceptId, Double cosine, boolean base, String modelHash, String runId, Long step,
                      String target, int layer, int index, Integer baseConcept, List<String> words) {
    }

    /** Search result: concepts that ground the word (when searching by word) and the nearest neighbours. */
    public record SearchResult(String word, Long queryConcept, List<Hit> grounding, List<Hit> neighbours) {
    }
}
