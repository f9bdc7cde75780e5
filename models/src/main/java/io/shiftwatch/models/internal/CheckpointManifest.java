package io.shiftwatch.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * manifest.json of a testbed checkpoint: {@code format} "testbed", {@code version} 1, the model id,
 * created-at (ISO-8601 UTC), SHA-256 of every file by name, and free-form training metadata.
 */
record CheckpointManifest(String format, int version, String modelId, String createdAt, Map<String, String> files,
                          Map<String, String> training) {
    static final String FORMAT = "testbed";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    CheckpointManifest {
        files = Map.copyOf(files);
        training = Map.copyOf(training);
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        root.put("version", version);
        root.put("modelId", modelId);
        root.put("createdAt", createdAt);
        ObjectNode fileNode = root.putObject("files");
        new TreeMap<>(files).forEach(fileNode::put);
        ObjectNode trainingNode = root.putObject("training");
        new TreeMap<>(training).forEach(trainingNode::put);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise manifest", e);
        }
    }

    /** Parses manifest.json; rejects another format or version with IllegalArgumentException saying which. */
    static CheckpointManifest parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.json is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("manifest.json is not a JSON object");
        if (!FORMAT.equals(root.path("format").asText()))
            throw new IllegalArgumentException("manifest format '" + root.path("format").asText() + "' is not '" + FORMAT + "'");
        if (root.path("version").asInt(-1) != VERSION)
            throw new IllegalArgumentException("manifest version " + root.path("version") + " is not supported (this build reads " + VERSION + ")");
        if (!root.path("files").isObject()) throw new IllegalArgumentException("manifest has no 'files' object");
        return new CheckpointManifest(FORMAT, VERSION, root.path("modelId").asText(), root.path("createdAt").asText(),
                strings(root.get("files")), root.path("training").isObject() ? strings(root.get("training")) : Map.of());
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(e -> {
            if (!e.getValue().isTextual()) throw new IllegalArgumentException("manifest entry '" + e.getKey() + "' is not a string");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
