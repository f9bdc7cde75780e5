package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import java.util.List;

/**
 * The drift of one target token at one layer from base to checkpoint (PAPER.md §2-§4): both
 * dictionaries and their words, the matching, one {@link ConceptDrift} per base concept (index =
 * base concept), the emergent checkpoint concepts, the within-dictionary Overlap of each
 * dictionary, the coarse shift and the correlations. {@code sampleCount} is M. Never null.
 */
public record DriftReport(String target, int layer, int sampleCount, ConceptDictionary baseDictionary,
                          ConceptDictionary checkpointDictionary, List<GroundedWords> baseWords,
                          List<GroundedWords> checkpointWords, ConceptMatching matching, List<ConceptDrift> concepts,
                          List<EmergentConcept> emergent, double baseOverlap, double checkpointOverlap,
                          CoarseShift coarseShift, ShiftCorrelations correlations) {

    public DriftReport {
        if (target == null || baseDictionary == null || checkpointDictionary == null || matching == null
                || coarseShift == null || correlations == null) {
            throw new IllegalArgumentException("drift report fields must not be null");
        }
        if (baseWords.size() != baseDictionary.k() || concepts.size() != baseDictionary.k()
                || checkpointWords.size() != checkpointDictionary.k()) {
            throw new IllegalArgumentException("expected " + baseDictionary.k() + " base words and concept drifts and "
                    + checkpointDictionary.k() + " checkpoint words, got " + baseWords.size() + ", "
                    + concepts.size() + " and " + checkpointWords.size());
        }
        baseWords = List.copyOf(baseWords);
        checkpointWords = List.copyOf(checkpointWords);
        concepts = List.copyOf(concepts);
        emergent = List.copyOf(emergent);
    }
}
