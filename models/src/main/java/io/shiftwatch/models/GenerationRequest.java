package io.shiftwatch.models;

import java.util.Optional;
import java.util.Set;

/**
 * What to generate and what to capture.
 *
 * @param maxNewTokens  generation stops at the end token or after this many tokens (> 0)
 * @param captureLayers layers whose predicting-position states are returned (see {@link ModelAdapter}); may be empty
 * @param steering      additive intervention during the pass, or empty for none
 */
public record GenerationRequest(int maxNewTokens, Set<Integer> captureLayers, Optional<Steering> steering) {
    public GenerationRequest {
        if (maxNewTokens <= 0) throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        captureLayers = Set.copyOf(captureLayers);
        steering = steering == null ? Optional.empty() : steering;
    }

    public static GenerationRequest plain(int maxNewTokens) {
        return new GenerationRequest(maxNewTokens, Set.of(), Optional.empty());
    }
}
