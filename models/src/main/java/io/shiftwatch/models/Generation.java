package io.shiftwatch.models;

import java.util.List;
import java.util.Map;

/**
 * Output of greedy generation for one sample.
 *
 * @param sampleId         the probe sample's id
 * @param tokens           generated tokens in order, without the end token; never null
 * @param tokenIds         their ids, same length as {@code tokens}
 * @param predictingStates per captured layer, [tokens.size(), hidden]: row j is the residual state whose
 *                         next-token prediction is {@code tokens.get(j)}
 */
public record Generation(String sampleId, List<String> tokens, int[] tokenIds, Map<Integer, float[][]> predictingStates) {
    public Generation {
        tokens = List.copyOf(tokens);
        predictingStates = Map.copyOf(predictingStates);
        if (tokenIds.length != tokens.size())
            throw new IllegalArgumentException("sample " + sampleId + ": " + tokenIds.length + " ids for " + tokens.size() + " tokens");
        for (var e : predictingStates.entrySet())
            if (e.getValue().length != tokens.size())
                throw new IllegalArgumentException("sample " + sampleId + ": layer " + e.getKey() + " has "
                        + e.getValue().length + " states for " + tokens.size() + " tokens");
    }

    /** The generated text, tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }
}
