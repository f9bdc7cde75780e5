package io.shiftwatch.analyzer.comparison;

import java.util.List;

/**
 * A target token the base model produces but the checkpoint (almost) no longer does: too few samples
 * where both produce it to fit a checkpoint dictionary (fewer than 4), so none of the base concepts
 * can be matched — every one of them has vanished (PAPER.md §3, matching, taken to its limit). The
 * base concepts are the ones every other checkpoint of the run is compared with (same K, same cache).
 *
 * @param effectiveK    base concepts (K lowered when few base samples exist)
 * @param baseSamples   probe samples whose base output contains the target
 * @param pairedSamples probe samples whose base AND checkpoint outputs contain it
 * @param baseWords     [effectiveK] grounding words of each base concept
 */
public record LostTarget(String target, int layer, int effectiveK, int baseSamples, int pairedSamples,
                         List<List<String>> baseWords) {
    public LostTarget {
        baseWords = baseWords.stream().map(List::copyOf).toList();
        if (baseWords.size() != effectiveK)
            throw new IllegalArgumentException(baseWords.size() + " word lists for " + effectiveK + " base concepts");
    }

    /** Share of the base's samples of this target where the checkpoint still produces it, in [0, 1]. */
    public double retention() {
        return baseSamples == 0 ? 0.0 : (double) pairedSamples / baseSamples;
    }
}
