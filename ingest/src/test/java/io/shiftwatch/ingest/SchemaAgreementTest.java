package io.shiftwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.shiftwatch.ingest.internal.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped JSON Schema (for Python trainers) and the Java reader accept and refuse the same payloads. */
class SchemaAgreementTest {
    private static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/schemas/checkpoint-event-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments example(String name, boolean valid, Consumer<ObjectNode> change) {
        ObjectNode tree = Json.mapper().valueToTree(Examples.checkpoint());
        change.accept(tree);
        return Arguments.of(name, valid, tree);
    }

    private static ObjectNode at(ObjectNode tree, String field) {
        return (ObjectNode) tree.get(field);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example("full event", true, t -> { }),
                example("no optional fields", true, t -> {
                    t.remove("targets"); t.remove("layers"); t.remove("trainer");
                    at(t, "probeSet").remove("uri");
                    at(t, "checkpoint").remove("sha256");
                    t.put("eventId", CheckpointEvent.computeEventId("run-7", 1200, "/data/ckpt/run-7/checkpoint-1200", null));
                }),
                example("explicit nulls for optionals", true, t -> {
                    t.putNull("targets"); t.putNull("layers"); t.putNull("trainer"); at(t, "probeSet").putNull("uri");
                }),
                example("final norm layer only", true, t -> t.putArray("layers").add(-1)),
                example("trainer with loss only", true, t -> t.putObject("trainer").put("loss", -0.5)),
                example("missing runId", false, t -> t.remove("runId")),
                example("missing emittedAt", false, t -> t.remove("emittedAt")),
                example("missing baseModel", false, t -> t.remove("baseModel")),
                example("missing probeSet", false, t -> t.remove("probeSet")),
                example("missing eventId", false, t -> t.remove("eventId")),
                example("schemaVersion 2", false, t -> t.put("schemaVersion", 2)),
                example("negative step", false, t -> t.put("step", -1)),
                example("step as string", false, t -> t.put("step", "1200")),
                example("runId with space", false, t -> t.put("runId", "run 7")),
                example("eventId too short", false, t -> t.put("eventId", "abc")),
                example("emittedAt not a date", false, t -> t.put("emittedAt", "yesterday")),
                example("unknown checkpoint format", false, t -> at(t, "checkpoint").put("format", "onnx")),
                example("unknown base format", false, t -> at(t, "baseModel").put("format", "gguf")),
                example("base without uri", false, t -> at(t, "baseModel").remove("uri")),
                example("sha256 not hex", false, t -> at(t, "checkpoint").put("sha256", "XYZ".repeat(21) + "X")),
                example("probe set without id", false, t -> at(t, "probeSet").remove("id")),
                example("blank probe set id", false, t -> at(t, "probeSet").put("id", "  ")),
                example("blank target", false, t -> t.putArray("targets").add("red").add(" ")),
                example("layer below -1", false, t -> t.putArray("layers").add(-2)),
                example("layer as string", false, t -> t.putArray("layers").add("3")),
                example("negative learning rate", false, t -> at(t, "trainer").put("learningRate", -1)),
                example("negative epoch", false, t -> at(t, "trainer").put("epoch", -0.5)),
                example("numeric label", false, t -> at(at(t, "trainer"), "labels").put("seed", 3)),
                example("unknown top-level field", false, t -> t.put("colour", "blue")),
                example("unknown nested field", false, t -> at(t, "baseModel").put("revision", "main")),
                example("unknown trainer field", false, t -> at(t, "trainer").put("momentum", 0.9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void javaReaderAndJsonSchemaAgree(String name, boolean expectedValid, JsonNode payload) {
        // Given
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        // When
        ReadResult<CheckpointEvent> java = Codecs.CHECKPOINT_EVENT.read(bytes);
        Set<ValidationMessage> schemaErrors = SCHEMA.validate(payload);
        // Then
        assertEquals(expectedValid, java instanceof ReadResult.Valid, "Java reader on " + name + ": " + java);
        assertEquals(expectedValid, schemaErrors.isEmpty(), "JSON Schema on " + name + ": " + schemaErrors);
    }
}
