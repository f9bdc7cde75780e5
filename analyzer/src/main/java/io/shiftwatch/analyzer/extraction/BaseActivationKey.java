package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.analyzer.extraction.internal.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything base activations depend on: model content hash, probe-set content hash, layers, targets,
 * position rule, generation budget and extraction code version. Targets and layers are the sorted
 * sets of an {@link ExtractionRequest}, so their order never changes the key; the batch size is not part
 * of it (results do not depend on it). {@link #canonical()} is a line-per-field text and {@link #sha256()}
 * its SHA-256, the name of the cache entry.
 */
public record BaseActivationKey(String modelHash, String probeSetHash, List<Integer> layers, List<String> targets,
                                PositionRule positionRule, int maxNewTokens, int codeVersion) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BaseActivationKey {
        if (modelHash == null || !HEX64.matcher(modelHash).matches())
            throw new IllegalArgumentException("modelHash must be 64 lowercase hex chars, got " + modelHash);
        if (probeSetHash == null || !HEX64.matcher(probeSetHash).matches())
            throw new IllegalArgumentException("probeSetHash must be 64 lowercase hex chars, got " + probeSetHash);
        Objects.requireNonNull(positionRule, "positionRule");
        // Re-validate and canonicalise through the request's own rules (sorted, distinct, single words).
        var canonical = new ExtractionRequest(targets, layers, maxNewTokens, 1, positionRule);
        layers = canonical.layers();
        targets = canonical.targets();
        if (codeVersion <= 0) throw new IllegalArgumentException("codeVersion must be > 0, got " + codeVersion);
    }

    /** The key of {@code request} on a model and probe set, with the current {@link HiddenStateExtractor#CODE_VERSION}. */
    public static BaseActivationKey of(String modelHash, String probeSetHash, ExtractionRequest request) {
        return new BaseActivationKey(modelHash, probeSetHash, request.layers(), request.targets(), request.positionRule(),
                request.maxNewTokens(), HiddenStateExtractor.CODE_VERSION);
    }

    /** One {@code name=value} line per field in a fixed order; lists comma-separated in sorted order. */
    public String canonical() {
        return "shiftwatch-base-activations\n"
                + "codeVersion=" + codeVersion + "\n"
                + "modelHash=" + modelHash + "\n"
                + "probeSetHash=" + probeSetHash + "\n"
                + "positionRule=" + positionRule.name() + "\n"
                + "maxNewTokens=" + maxNewTokens + "\n"
                + "layers=" + String.join(",", layers.stream().map(String::valueOf).toList()) + "\n"
                + "targets=" + String.join(",", targets) + "\n";
    }

    /** SHA-256 (hex) of {@link #canonical()}. */
    public String sha256() {
        return Sha256.hex(canonical().getBytes(StandardCharsets.UTF_8));
    }
}
