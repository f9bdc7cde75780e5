package io.shiftwatch.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.ingest.internal.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointEventReadTest {

    private static byte[] mutated(Consumer<ObjectNode> change) {
        ObjectNode tree = Json.mapper().valueToTree(Examples.checkpoint());
        change.accept(tree);
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ReadResult.Invalid<CheckpointEvent> refused(byte[] payload) {
        return assertInstanceOf(ReadResult.Invalid.class, Codecs.CHECKPOINT_EVENT.read(payload));
    }

    private static void assertRefused(ReadResult.Invalid<?> invalid, RejectReason reason, String field) {
        assertEquals(reason, invalid.reason(), invalid.toString());
        assertEquals(field, invalid.field(), invalid.toString());
        if (field != null) {
            assertTrue(invalid.message().contains(field), "message should name " + field + ": " + invalid.message());
        }
    }

    @Test
    void malformedJsonIsRefused() {
        // Given
        byte[] payload = "{\"schemaVersion\": 1, ".getBytes(StandardCharsets.UTF_8);
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.MALFORMED_JSON, null);
    }

    @Test
    void jsonArrayIsNotAnEvent() {
        // Given
        byte[] payload = "[1,2]".getBytes(StandardCharsets.UTF_8);
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.MALFORMED_JSON, null);
        assertTrue(invalid.message().contains("array"), invalid.message());
    }

    @Test
    void payloadOverTheLimitIsRefusedBeforeParsing() {
        // Given
        byte[] payload = mutated(t -> t.putObject("trainer").putObject("labels").put("pad", "x".repeat(2000)));
        // When
        ReadResult<CheckpointEvent> result = Codecs.CHECKPOINT_EVENT.withMaxBytes(1024).read(payload);
        // Then
        assertRefused(assertInstanceOf(ReadResult.Invalid.class, result), RejectReason.PAYLOAD_TOO_LARGE, null);
    }

    @Test
    void unknownSchemaVersionIsRefused() {
        // Given
        byte[] payload = mutated(t -> t.put("schemaVersion", 2));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.UNKNOWN_SCHEMA_VERSION, "schemaVersion");
    }

    @Test
    void missingSchemaVersionIsAMissingField() {
        // Given
        byte[] payload = mutated(t -> t.remove("schemaVersion"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.MISSING_FIELD, "schemaVersion");
    }

    @Test
    void missingStepIsNotReadAsZero() {
        // Given
        byte[] payload = mutated(t -> t.remove("step"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.MISSING_FIELD, "step");
    }

    @Test
    void missingNestedFieldIsNamedWithItsPath() {
        // Given
        byte[] payload = mutated(t -> ((ObjectNode) t.get("checkpoint")).remove("uri"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.MISSING_FIELD, "checkpoint.uri");
    }

    @Test
    void negativeStepBreaksAnInvariant() {
        // Given
        byte[] payload = mutated(t -> t.put("step", -5));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "step");
    }

    @Test
    void stepAsStringIsAWrongType() {
        // Given
        byte[] payload = mutated(t -> t.put("step", "1200"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "step");
    }

    @Test
    void unknownFormatListsTheAcceptedOnes() {
        // Given
        byte[] payload = mutated(t -> ((ObjectNode) t.get("checkpoint")).put("format", "onnx"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "checkpoint.format");
        assertTrue(invalid.message().contains("safetensors"), invalid.message());
    }

    @Test
    void unparsableInstantIsNamed() {
        // Given
        byte[] payload = mutated(t -> t.put("emittedAt", "yesterday"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "emittedAt");
    }

    @Test
    void unknownFieldIsRefused() {
        // Given
        byte[] payload = mutated(t -> t.put("colour", "blue"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "colour");
    }

    @Test
    void layerBelowFinalNormIsNamedByIndex() {
        // Given
        byte[] payload = mutated(t -> t.putArray("layers").add(3).add(-2));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "layers[1]");
    }

    @Test
    void shortShaIsRefused() {
        // Given
        byte[] payload = mutated(t -> ((ObjectNode) t.get("checkpoint")).put("sha256", "abc"));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.INVALID_FIELD, "checkpoint.sha256");
    }

    @Test
    void eventIdThatDoesNotMatchTheIdentityFieldsIsRefused() {
        // Given
        byte[] payload = mutated(t -> t.put("step", 1300));
        // When
        ReadResult.Invalid<CheckpointEvent> invalid = refused(payload);
        // Then
        assertRefused(invalid, RejectReason.EVENT_ID_MISMATCH, "eventId");
    }

    @Test
    void eventIdIsDeterministicAndDependsOnTheCheckpoint() {
        // Given
        CheckpointEvent first = Examples.checkpoint("run-7", 10, "/data/a");
        // When
        CheckpointEvent again = Examples.checkpoint("run-7", 10, "/data/a");
        CheckpointEvent other = Examples.checkpoint("run-7", 10, "/data/b");
        // Then
        assertEquals(first.eventId(), again.eventId());
        assertTrue(!first.eventId().equals(other.eventId()));
    }
}
