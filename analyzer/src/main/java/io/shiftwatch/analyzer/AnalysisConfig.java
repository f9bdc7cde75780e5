package io.shiftwatch.analyzer;

import io.shiftwatch.analyzer.drift.DriftConfig;
import io.shiftwatch.analyzer.extraction.ExtractionRequest;
import io.shiftwatch.analyzer.extraction.HiddenStateExtractor;
import io.shiftwatch.ingest.Config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * What one checkpoint analysis computes: target tokens, layers (-1 = final norm), K, K-Means restarts,
 * the seed of every random choice, the number of base-vs-base null repetitions and the generation
 * budget. {@link #configHash()} identifies the results (same hash ⇒ same concepts, metrics and flags);
 * the batch size only changes speed and is not part of it.
 */
public record AnalysisConfig(List<String> targets, List<Integer> layers, int k, int restarts, long seed, int nullRepeats,
                             int maxNewTokens, int batchSize, List<Path> nullReferences) {
    /** Bumped whenever a change in the method changes results for the same inputs. */
    public static final int METHOD_VERSION = 1;

    public AnalysisConfig {
        targets = List.copyOf(new TreeSet<>(targets));
        layers = List.copyOf(new TreeSet<>(layers));
        if (targets.isEmpty()) throw new IllegalArgumentException("at least one target token is needed");
        if (layers.isEmpty()) throw new IllegalArgumentException("at least one layer is needed");
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        if (restarts < 1 || nullRepeats < 1 || maxNewTokens < 1 || batchSize < 1)
            throw new IllegalArgumentException("restarts, nullRepeats, maxNewTokens and batchSize must be >= 1");
        nullReferences = nullReferences == null ? List.of()
                : nullReferences.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Without reference checkpoints: the null is the base model against itself. */
    public AnalysisConfig(List<String> targets, List<Integer> layers, int k, int restarts, long seed, int nullRepeats,
                          int maxNewTokens, int batchSize) {
        this(targets, layers, k, restarts, seed, nullRepeats, maxNewTokens, batchSize, List.of());
    }

    /** From the analyzer settings, with the event's own targets/layers when it names any. */
    public static AnalysisConfig from(Config config, List<String> eventTargets, List<Integer> eventLayers) {
        List<String> targets = eventTargets == null || eventTargets.isEmpty() ? config.get(AnalyzerSettings.TARGETS) : eventTargets;
        List<Integer> layers = eventLayers == null || eventLayers.isEmpty()
                ? config.get(AnalyzerSettings.LAYERS).stream().map(Integer::parseInt).toList() : eventLayers;
        return new AnalysisConfig(targets, layers, config.get(AnalyzerSettings.K), config.get(AnalyzerSettings.RESTARTS),
                config.get(AnalyzerSettings.SEED), config.get(AnalyzerSettings.NULL_REPEATS),
                config.get(AnalyzerSettings.MAX_NEW_TOKENS), config.get(AnalyzerSettings.BATCH_SIZE),
                config.get(AnalyzerSettings.NULL_REFERENCES));
    }

    /** Canonical text of everything that changes results; hashed by {@link #configHash()}. */
    public String canonical() {
        return "method=" + METHOD_VERSION + ";extraction=" + HiddenStateExtractor.CODE_VERSION + ";targets=" + targets
                + ";layers=" + layers + ";k=" + k + ";restarts=" + restarts + ";seed=" + seed + ";null=" + nullRepeats
                + ";maxNewTokens=" + maxNewTokens + (nullReferences.isEmpty() ? "" : ";nullReferences=" + nullReferences);
    }

    public String configHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public ExtractionRequest extractionRequest() {
        return ExtractionRequest.of(targets, layers, maxNewTokens, batchSize);
    }

    /** The paper's drift configuration with this K and seed (alpha 1, 200 → 15/30 words, top 50 samples). */
    public DriftConfig driftConfig(int effectiveK) {
        return DriftConfig.defaults(seed).withK(effectiveK).withRestarts(restarts);
    }
}
