package io.shiftwatch.testbed.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a scenario is known to change, for scoring detections: scenario name, its parameters and the
 * expected changes (a single NONE change for base and control). Serialised as JSON
 * (ground-truth.json next to a run's checkpoints, which may add measured fields that this record ignores).
 * Immutable, non-null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroundTruth(String scenario, Map<String, String> parameters, List<ExpectedChange> changes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public GroundTruth {
        if (scenario == null || scenario.isBlank()) throw new IllegalArgumentException("ground truth needs a scenario name");
        parameters = Map.copyOf(parameters);
        changes = List.copyOf(changes);
        if (changes.isEmpty())
            throw new IllegalArgumentException("ground truth of " + scenario + " lists no changes; use one NONE change");
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new GroundTruth(scenario, new TreeMap<>(parameters), changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ground truth of " + scenario + " cannot be written as JSON", e);
        }
    }

    /** Parses {@link #toJson()} output; throws IllegalArgumentException saying what was wrong. */
    public static GroundTruth fromJson(String json) {
        try {
            return Objects.requireNonNull(JSON.readValue(json, GroundTruth.class), "ground truth JSON is null");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a ground truth document: " + e.getOriginalMessage(), e);
        }
    }
}
