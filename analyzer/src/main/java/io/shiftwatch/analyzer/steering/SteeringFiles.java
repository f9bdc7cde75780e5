package io.shiftwatch.analyzer.steering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A steering vector as one JSON file (the offline form; same fields as a {@code steering_vectors}
 * row). Written atomically (temp file + move), so a reader never sees half a file.
 */
public final class SteeringFiles {
    private SteeringFiles() {
    }

    public static void write(Path file, SteeringVector v) throws IOException {
        ObjectNode o = SteeringJson.MAPPER.createObjectNode();
        o.put("schemaVersion", SteeringJson.SCHEMA_VERSION);
        o.put("id", v.id());
        o.put("name", v.name());
        o.put("kind", v.kind().name());
        o.put("modelHash", v.modelHash());
        o.put("layer", v.layer());
        o.put("alpha", v.alpha());
        if (v.runId().isPresent()) o.put("runId", v.runId().get());
        else o.putNull("runId");
        SteeringJson.floats(o.putArray("vector"), v.vector());
        o.set("provenance", SteeringJson.provenance(v));
        o.set("evaluation", SteeringJson.read(v.evaluation(), "evaluation of " + v.name()));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".steering", ".json");
        Files.writeString(tmp, SteeringJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @throws IllegalArgumentException when the file is not a steering vector of a supported schema
     *                                  version (the message names the file and the field)
     */
    public static SteeringVector read(Path file) throws IOException {
        String where = "steering file " + file;
        JsonNode o = SteeringJson.read(Files.readString(file), where);
        SteeringJson.requireVersion(o, where);
        JsonNode p = o.path("provenance");
        SteeringJson.requireVersion(p, where + " provenance");
        try {
            return new SteeringVector(o.path("name").asText(), SteeringKind.valueOf(o.path("kind").asText()),
                    o.path("modelHash").asText(), o.path("layer").asInt(), SteeringJson.floats(o.path("vector")),
                    (float) o.path("alpha").asDouble(1.0), SteeringJson.range(p), SteeringJson.gate(p),
                    o.path("runId").isTextual() ? Optional.of(o.path("runId").asText()) : Optional.empty(),
                    SteeringJson.details(p), SteeringJson.write(o.path("evaluation").isMissingNode()
                            ? SteeringJson.MAPPER.createObjectNode() : o.path("evaluation")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage() + "; nothing was loaded", e);
        }
    }
}
