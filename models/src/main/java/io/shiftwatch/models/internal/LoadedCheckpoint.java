package io.shiftwatch.models.internal;

import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.WordVocabulary;

import java.util.Map;

/**
 * A verified testbed checkpoint in memory: the model with its weights (owned by the manager given to
 * the reader), its vocabulary, identity and the manifest's training metadata.
 */
public record LoadedCheckpoint(TestbedVlm model, WordVocabulary vocabulary, ModelInfo info, Map<String, String> training) {
}
