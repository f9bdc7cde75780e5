package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ImageGrounding;
import io.shiftwatch.analyzer.concepts.KMeansConfig;
import io.shiftwatch.analyzer.concepts.TextGrounding;

/**
 * Parameters of one drift analysis (PAPER.md §2-§4). {@code kmeans} fits the base dictionary;
 * the checkpoint dictionary uses the same settings with {@code checkpointK} concepts (default: the
 * same K, the same seed, so identical states give identical dictionaries). {@code alpha} scales
 * the shift ({@code u^s = u^a + alpha Delta}, default 1). Grounding: {@code topTokens} (200) →
 * {@code conceptWords} (15, also the N of T-Overlap) and {@code shiftWords} (30);
 * {@code imageSamples} (50) top samples for the image overlap. A checkpoint concept is emergent
 * when no base concept is matched to it or its matched cosine is below {@code emergentCosine}
 * (default 0.5; calibrate against the null distribution of the match cosine).
 */
public record DriftConfig(KMeansConfig kmeans, int checkpointK, double alpha, int topTokens, int conceptWords,
                          int shiftWords, int imageSamples, double emergentCosine) {

    public static final double DEFAULT_ALPHA = 1.0;
    public static final double DEFAULT_EMERGENT_COSINE = 0.5;

    public DriftConfig {
        if (kmeans == null) {
            throw new IllegalArgumentException("kmeans config must not be null");
        }
        if (checkpointK < 1 || topTokens < 1 || conceptWords < 1 || shiftWords < 1 || imageSamples < 1) {
            throw new IllegalArgumentException("checkpointK, topTokens, conceptWords, shiftWords and imageSamples must be"
                    + " >= 1, got " + checkpointK + ", " + topTokens + ", " + conceptWords + ", " + shiftWords
                    + ", " + imageSamples);
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        if (!(emergentCosine >= -1 && emergentCosine <= 1)) {
            throw new IllegalArgumentException("emergentCosine must be in [-1, 1], got " + emergentCosine);
        }
    }

    /** PAPER.md defaults with the given seed: K = 20 both sides, alpha 1, 200 → 15 / 30 words, top 50 samples. */
    public static DriftConfig defaults(long seed) {
        KMeansConfig kmeans = KMeansConfig.defaults(seed);
        return new DriftConfig(kmeans, kmeans.k(), DEFAULT_ALPHA, TextGrounding.TOP_TOKENS,
                TextGrounding.CONCEPT_WORDS, TextGrounding.SHIFT_WORDS, ImageGrounding.METRIC_SAMPLES,
                DEFAULT_EMERGENT_COSINE);
    }

    /** The same configuration with K concepts on both sides. */
    public DriftConfig withK(int k) {
        return new DriftConfig(kmeans.withK(k), k, alpha, topTokens, conceptWords, shiftWords, imageSamples,
                emergentCosine);
    }

    /** The same configuration with {@code restarts} K-Means restarts on both sides. */
    public DriftConfig withRestarts(int restarts) {
        KMeansConfig k = new KMeansConfig(kmeans.k(), restarts, kmeans.maxIterations(), kmeans.tolerance(), kmeans.seed());
        return new DriftConfig(k, checkpointK, alpha, topTokens, conceptWords, shiftWords, imageSamples, emergentCosine);
    }

    /** The same configuration with another k-means seed. */
    public DriftConfig withSeed(long seed) {
        return new DriftConfig(kmeans.withSeed(seed), checkpointK, alpha, topTokens, conceptWords, shiftWords,
                imageSamples, emergentCosine);
    }

    /** K-Means settings of the checkpoint dictionary. */
    public KMeansConfig checkpointKMeans() {
        return kmeans.withK(checkpointK);
    }
}
