package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.concepts.ImageGrounding;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.concepts.Overlap;
import io.shiftwatch.analyzer.concepts.Unembedding;
import io.shiftwatch.analyzer.drift.internal.Emergence;
import io.shiftwatch.analyzer.drift.internal.GroundingBatch;
import io.shiftwatch.analyzer.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole of PAPER.md §2-§4 for one target token and layer, as one pure function: dictionaries
 * of base and checkpoint states, text and image grounding, Hungarian matching, T-Overlap, shift
 * vectors, shifted-concept recovery, shift consistency, emergent concepts, within-dictionary
 * Overlap, coarse shift and correlations. Base and checkpoint states must hold the same samples in
 * the same order; the vocabulary is the unembedding's token list (V entries).
 */
public final class DriftAnalysis {
    private DriftAnalysis() {
    }

    /** Fits both dictionaries with {@code config} and compares. */
    public static DriftReport compare(LayerStates base, LayerStates checkpoint, DriftConfig config,
                                      Unembedding unembedding, List<String> vocab) {
        ConceptDictionary baseDictionary = KMeansDictionary.fit(base.states(), config.kmeans());
        return compare(base, checkpoint, baseDictionary, config, unembedding, vocab);
    }

    /** Compares against an already fitted (e.g. cached) base dictionary; fits the checkpoint's. */
    public static DriftReport compare(LayerStates base, LayerStates checkpoint, ConceptDictionary baseDictionary,
                                      DriftConfig config, Unembedding unembedding, List<String> vocab) {
        requireComparable(base, checkpoint);
        ConceptDictionary checkpointDictionary = KMeansDictionary.fit(checkpoint.states(), config.checkpointKMeans());
        return compareDictionaries(base, checkpoint, baseDictionary, checkpointDictionary, config, unembedding, vocab);
    }

    /** Compares two given dictionaries over the paired states (used directly by null calibration). */
    public static DriftReport compareDictionaries(LayerStates base, LayerStates checkpoint, ConceptDictionary baseDictionary,
                                                  ConceptDictionary checkpointDictionary, DriftConfig config,
                                                  Unembedding unembedding, List<String> vocab) {
        requireComparable(base, checkpoint);
        float[][] a = base.states();
        float[][] b = checkpoint.states();
        ConceptMatching matching = ConceptMatching.match(baseDictionary, checkpointDictionary);
        List<ShiftOutcome> shifts = ConceptShift.compute(a, b, baseDictionary, config.alpha());
        double[] coarse = CoarseShift.vector(a, b);
        Groundings g = ground(baseDictionary, checkpointDictionary, shifts, coarse, config, unembedding, vocab);
        int[][] topBefore = topSamples(baseDictionary.activate(a), baseDictionary.k(), config.imageSamples());
        int[][] topAfter = topSamples(checkpointDictionary.activate(b), checkpointDictionary.k(), config.imageSamples());
        int n = Math.min(config.imageSamples(), a.length);
        List<ConceptDrift> drifts = new ArrayList<>();
        for (int k = 0; k < baseDictionary.k(); k++) {
            drifts.add(conceptDrift(k, baseDictionary, checkpointDictionary, matching, shifts.get(k), g, topBefore,
                    topAfter, n, config));
        }
        List<EmergentConcept> emergent = Emergence.find(checkpointDictionary, matching, g.checkpointWords(),
                topAfter, config.emergentCosine());
        CoarseShift coarseShift = new CoarseShift(coarse, Vectors.norm(coarse), g.coarseWords());
        return new DriftReport(base.target(), base.layer(), a.length, baseDictionary, checkpointDictionary,
                g.baseWords(), g.checkpointWords(), matching, drifts, emergent,
                Overlap.withinDictionary(words(g.baseWords())), Overlap.withinDictionary(words(g.checkpointWords())),
                coarseShift, ShiftCorrelations.over(drifts));
    }

    private static ConceptDrift conceptDrift(int k, ConceptDictionary base, ConceptDictionary checkpoint,
                                             ConceptMatching matching, ShiftOutcome shift, Groundings g,
                                             int[][] topBefore, int[][] topAfter, int n, DriftConfig config) {
        GroundedWords before = g.baseWords().get(k);
        ConceptMatch match = new ConceptMatch.Unmatched();
        if (matching.isMatched(k)) {
            int j = matching.baseToCheckpoint()[k];
            GroundedWords after = g.checkpointWords().get(j);
            match = new ConceptMatch.Matched(j, matching.matchedCosine(k), after, topAfter[j],
                    Overlap.tOverlap(before.words(), after.words(), config.conceptWords()),
                    Overlap.imageOverlap(topBefore[k], topAfter[j], n),
                    WordWeights.of(before, after, g.baseLogits()[k], g.checkpointLogits()[j]));
        }
        Optional<GroundedWords> shiftWords = Optional.empty();
        Optional<Recovery> recovery = Optional.empty();
        if (shift instanceof ConceptShift s) {
            shiftWords = Optional.of(g.shiftWords().get(k));
            if (match instanceof ConceptMatch.Matched m) {
                double[] ua = Vectors.toDouble(base.concept(k));
                double[] ub = Vectors.toDouble(checkpoint.concept(m.checkpointConcept()));
                GroundedWords shifted = g.shiftedWords().get(k);
                recovery = Optional.of(new Recovery(Recovery.cosineRecovery(ub, s.shiftedConcept(), ua),
                        Recovery.l2Recovery(ub, s.shiftedConcept(), ua),
                        Overlap.tOverlap(shifted.words(), m.wordsAfter().words(), config.conceptWords()),
                        m.tOverlap(), shifted));
            }
        }
        return new ConceptDrift(k, before, topBefore[k], match, shift, shiftWords, recovery);
    }

    /** Every grounding of one analysis; shiftedWords and shiftWords are indexed by base concept (null = no samples). */
    private record Groundings(List<GroundedWords> baseWords, List<GroundedWords> checkpointWords,
                              List<GroundedWords> shiftedWords, List<GroundedWords> shiftWords, GroundedWords coarseWords,
                              float[][] baseLogits, float[][] checkpointLogits) {
    }

    private static Groundings ground(ConceptDictionary base, ConceptDictionary checkpoint, List<ShiftOutcome> shifts,
                                     double[] coarse, DriftConfig config, Unembedding unembedding, List<String> vocab) {
        GroundingBatch batch = new GroundingBatch();
        int[] baseIdx = new int[base.k()];
        int[] checkpointIdx = new int[checkpoint.k()];
        int[] shiftedIdx = new int[base.k()];
        int[] shiftIdx = new int[base.k()];
        for (int k = 0; k < base.k(); k++) {
            baseIdx[k] = batch.add(base.concept(k), config.conceptWords());
        }
        for (int j = 0; j < checkpoint.k(); j++) {
            checkpointIdx[j] = batch.add(checkpoint.concept(j), config.conceptWords());
        }
        for (ShiftOutcome outcome : shifts) {
            int k = outcome.concept();
            shiftedIdx[k] = -1;
            shiftIdx[k] = -1;
            if (outcome instanceof ConceptShift s) {
                shiftedIdx[k] = batch.add(s.shiftedConcept(), config.conceptWords());
                shiftIdx[k] = batch.add(s.shiftVector(), config.shiftWords());
            }
        }
        int coarseIdx = batch.add(coarse, config.shiftWords());
        GroundingBatch.Grounded grounded = batch.runWithLogits(unembedding, vocab, config.topTokens());
        List<GroundedWords> all = grounded.words();
        return new Groundings(pick(all, baseIdx), pick(all, checkpointIdx), pick(all, shiftedIdx), pick(all, shiftIdx),
                all.get(coarseIdx), rows(grounded.logits(), baseIdx), rows(grounded.logits(), checkpointIdx));
    }

    private static float[][] rows(float[][] logits, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = logits[idx[i]];
        }
        return out;
    }

    private static List<GroundedWords> pick(List<GroundedWords> all, int[] idx) {
        List<GroundedWords> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(i < 0 ? null : all.get(i));
        }
        return out;
    }

    private static int[][] topSamples(float[][] activations, int k, int n) {
        int[][] top = new int[k][];
        for (int j = 0; j < k; j++) {
            top[j] = ImageGrounding.topSamples(activations, j, n);
        }
        return top;
    }

    private static List<List<String>> words(List<GroundedWords> grounded) {
        return grounded.stream().map(GroundedWords::words).toList();
    }

    private static void requireComparable(LayerStates base, LayerStates checkpoint) {
        if (!base.target().equals(checkpoint.target()) || base.layer() != checkpoint.layer()) {
            throw new IllegalArgumentException("base states are for target '" + base.target() + "' at layer "
                    + base.layer() + " but checkpoint states for '" + checkpoint.target() + "' at layer "
                    + checkpoint.layer());
        }
        ConceptShift.requirePaired(base.states(), checkpoint.states());
    }
}
