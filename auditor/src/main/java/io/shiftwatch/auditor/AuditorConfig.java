package io.shiftwatch.auditor;

import io.shiftwatch.auditor.SeverityTiers.Direction;

import java.util.Objects;
import java.util.Set;

/**
 * The rule parameters of the auditor, parsed once ({@link AuditorSettings#auditorConfig}) and
 * validated here. Tier directions: {@code nullQuantileTiers}, {@code cosineAbsolute} and
 * {@code tOverlapAbsolute} are LOWER_IS_WORSE (quantiles in [0, 1]); {@code specialisingTiers},
 * {@code trendFallTiers}, {@code trendJumpTiers} and {@code biasGainTiers} (ratios above 1) are
 * HIGHER_IS_WORSE. {@code trendMetric} is "tOverlap" or "cosine"; {@code trendWindow} ≥ 2 checkpoints;
 * {@code minSamples}: a base concept with fewer samples is too small to judge above INFO. Nothing is null.
 */
public record AuditorConfig(SeverityTiers nullQuantileTiers, SeverityTiers cosineAbsolute,
                            SeverityTiers tOverlapAbsolute, Severity unmatchedSeverity, double coreShare,
                            SeverityTiers specialisingTiers, SensitiveLexicon lexicon, int biasCriticalWords,
                            Severity emergingSeverity, String trendMetric, int trendWindow,
                            SeverityTiers trendFallTiers, SeverityTiers trendJumpTiers, int minSamples,
                            SeverityTiers biasGainTiers) {
    public static final String T_OVERLAP = "tOverlap";
    public static final String COSINE = "cosine";
    public static final Set<String> TREND_METRICS = Set.of(T_OVERLAP, COSINE);

    public AuditorConfig {
        direction(nullQuantileTiers, Direction.LOWER_IS_WORSE, "nullQuantileTiers");
        if (nullQuantileTiers.info() > 1.0 || nullQuantileTiers.critical() < 0.0) {
            throw new IllegalArgumentException("nullQuantileTiers must be quantiles in [0, 1] but were " + nullQuantileTiers.print());
        }
        direction(cosineAbsolute, Direction.LOWER_IS_WORSE, "cosineAbsolute");
        direction(tOverlapAbsolute, Direction.LOWER_IS_WORSE, "tOverlapAbsolute");
        Objects.requireNonNull(unmatchedSeverity, "unmatchedSeverity");
        if (!(coreShare > 0.0 && coreShare <= 1.0)) {
            throw new IllegalArgumentException("coreShare must be within (0, 1] but was " + coreShare);
        }
        direction(specialisingTiers, Direction.HIGHER_IS_WORSE, "specialisingTiers");
        Objects.requireNonNull(lexicon, "lexicon");
        if (biasCriticalWords < 1) {
            throw new IllegalArgumentException("biasCriticalWords must be >= 1 but was " + biasCriticalWords);
        }
        Objects.requireNonNull(emergingSeverity, "emergingSeverity");
        if (!TREND_METRICS.contains(trendMetric)) {
            throw new IllegalArgumentException("trendMetric must be one of " + TREND_METRICS + " but was " + trendMetric);
        }
        if (trendWindow < 2) {
            throw new IllegalArgumentException("trendWindow must be >= 2 checkpoints but was " + trendWindow);
        }
        direction(trendFallTiers, Direction.HIGHER_IS_WORSE, "trendFallTiers");
        direction(trendJumpTiers, Direction.HIGHER_IS_WORSE, "trendJumpTiers");
        if (minSamples < 0) {
            throw new IllegalArgumentException("minSamples must be >= 0 but was " + minSamples);
        }
        direction(biasGainTiers, Direction.HIGHER_IS_WORSE, "biasGainTiers");
        if (biasGainTiers.info() <= 1.0) {
            throw new IllegalArgumentException("biasGainTiers are ratios and must be above 1 but were " + biasGainTiers.print());
        }
    }

    /** The defaults of every key in {@link AuditorSettings}, with {@code lexicon}. */
    public static AuditorConfig defaults(SensitiveLexicon lexicon) {
        return new AuditorConfig(AuditorSettings.NULL_QUANTILE_TIERS.defaultValue(),
                AuditorSettings.COSINE_ABSOLUTE.defaultValue(), AuditorSettings.T_OVERLAP_ABSOLUTE.defaultValue(),
                AuditorSettings.UNMATCHED_SEVERITY.defaultValue(), AuditorSettings.CORE_SHARE.defaultValue(),
                AuditorSettings.SPECIALISING_TIERS.defaultValue(), lexicon,
                AuditorSettings.BIAS_CRITICAL_WORDS.defaultValue(), AuditorSettings.EMERGING_SEVERITY.defaultValue(),
                AuditorSettings.TREND_METRIC.defaultValue(), AuditorSettings.TREND_WINDOW.defaultValue(),
                AuditorSettings.TREND_FALL_TIERS.defaultValue(), AuditorSettings.TREND_JUMP_TIERS.defaultValue(),
                AuditorSettings.MIN_SAMPLES.defaultValue(), AuditorSettings.BIAS_GAIN_TIERS.defaultValue());
    }

    private static void direction(SeverityTiers tiers, Direction expected, String field) {
        Objects.requireNonNull(tiers, field);
        if (tiers.direction() != expected) {
            throw new IllegalArgumentException(field + " must be " + expected + " but was " + tiers.direction());
        }
    }
}
