package io.shiftwatch.analyzer.drift.internal;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.drift.ConceptMatching;
import io.shiftwatch.analyzer.drift.EmergentConcept;
import java.util.ArrayList;
import java.util.List;

/**
 * The emergence rule: a checkpoint concept is emergent when no base concept is matched to it
 * (K_b > K_a) or when its matched cosine is strictly below the threshold.
 */
public final class Emergence {
    private Emergence() {
    }

    /** Emergent checkpoint concepts, in checkpoint concept order. */
    public static List<EmergentConcept> find(ConceptDictionary checkpoint, ConceptMatching matching,
                                             List<GroundedWords> checkpointWords, int[][] topSamples,
                                             double threshold) {
        int[] sizes = checkpoint.clusterSizes();
        List<EmergentConcept> out = new ArrayList<>();
        for (int j = 0; j < checkpoint.k(); j++) {
            int base = matching.checkpointToBase()[j];
            double best = matching.bestBaseCosine(j);
            if (base < 0) {
                out.add(new EmergentConcept(j, EmergentConcept.Reason.UNMATCHED, -1, best, sizes[j],
                        checkpointWords.get(j), topSamples[j]));
            } else if (matching.cosines()[base][j] < threshold) {
                out.add(new EmergentConcept(j, EmergentConcept.Reason.LOW_COSINE, base, best, sizes[j],
                        checkpointWords.get(j), topSamples[j]));
            }
        }
        return out;
    }
}
