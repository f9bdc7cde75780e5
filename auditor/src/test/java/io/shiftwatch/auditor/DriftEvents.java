package io.shiftwatch.auditor;

import io.shiftwatch.ingest.ConceptDriftEvent;

import java.util.List;
import java.util.Map;

/** Builds valid drift events for tests: a healthy, well-matched "person" concept unless told otherwise. */
public final class DriftEvents {
    public static final String RUN = "run-1";
    public static final List<String> PERSON = List.of("person", "man", "face", "standing", "wearing", "shirt",
            "people", "walking", "looking", "smiling");

    private String runId = RUN;
    private long step;
    private String target = "person";
    private int layer = 4;
    private int baseConcept = 0;
    private int matchedConcept = 0;
    private double cosine = 0.9;
    private double tOverlap = 0.8;
    private int sampleCount = 64;
    private List<io.shiftwatch.ingest.WordWeight> wordWeights = List.of();
    private List<String> baseWords = PERSON;
    private List<String> matchedWords = PERSON;
    private List<String> shiftWords = List.of();
    private List<String> coarseShiftWords = List.of();
    private Map<String, Double> nullQuantiles = Map.of("cosine", 0.5, "tOverlap", 0.5);
    private boolean emergent;

    private DriftEvents(long step) {
        this.step = step;
    }

    public static DriftEvents at(long step) {
        return new DriftEvents(step);
    }

    public DriftEvents run(String value) { runId = value; return this; }
    public DriftEvents concept(int value) { baseConcept = value; matchedConcept = value; return this; }
    public DriftEvents matched(int value) { matchedConcept = value; return this; }
    public DriftEvents cosine(double value) { cosine = value; return this; }
    public DriftEvents tOverlap(double value) { tOverlap = value; return this; }
    public DriftEvents baseWords(List<String> value) { baseWords = value; return this; }
    public DriftEvents matchedWords(List<String> value) { matchedWords = value; return this; }
    public DriftEvents shiftWords(List<String> value) { shiftWords = value; return this; }
    public DriftEvents coarseShiftWords(List<String> value) { coarseShiftWords = value; return this; }
    public DriftEvents nullQuantiles(Map<String, Double> value) { nullQuantiles = value; return this; }
    public DriftEvents wordWeights(List<io.shiftwatch.ingest.WordWeight> value) { wordWeights = value; return this; }
    public DriftEvents sampleCount(int value) { sampleCount = value; return this; }

    /** Quantiles of cosine and tOverlap in their null distributions. */
    public DriftEvents quantiles(double cosineQ, double tOverlapQ) {
        nullQuantiles = Map.of("cosine", cosineQ, "tOverlap", tOverlapQ);
        return this;
    }

    /** An emergent event: new checkpoint concept {@code newConcept} with its words. */
    public DriftEvents emergent(int newConcept, List<String> words) {
        emergent = true;
        baseConcept = ConceptDriftEvent.NO_CONCEPT;
        matchedConcept = newConcept;
        matchedWords = words;
        baseWords = List.of();
        return this;
    }

    public ConceptDriftEvent build() {
        String checkpoint = "0".repeat(63) + Long.toString(step % 10);
        String id = ConceptDriftEvent.computeEventId(runId, step, target, layer, baseConcept, matchedConcept, emergent, "cfg");
        return new ConceptDriftEvent(ConceptDriftEvent.SCHEMA_VERSION, id, runId, step, checkpoint, target, layer, "cfg",
                baseConcept, matchedConcept, cosine, tOverlap, 0.5, 0.3, 0.4, 0.1, 0.1, 0.5, 0.4, baseWords, matchedWords,
                shiftWords, coarseShiftWords, sampleCount, nullQuantiles, emergent, wordWeights);
    }
}
