package io.shiftwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.ingest.ReadResult.Invalid;
import io.shiftwatch.ingest.ReadResult.Valid;
import io.shiftwatch.ingest.internal.Json;
import io.shiftwatch.ingest.internal.JsonFailures;
import io.shiftwatch.ingest.internal.JsonSerde;
import io.shiftwatch.ingest.internal.RequiredPrimitives;
import org.apache.kafka.common.serialization.Serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON reading and writing of one versioned event record type. {@link #read} never throws for bad
 * input: it checks, in order, the size limit, JSON syntax, {@code schemaVersion}, fields and
 * invariants, then (for {@link Identified} events) the deterministic event id. Immutable; a copy
 * with another size limit comes from {@link #withMaxBytes}.
 */
public final class EventCodec<T extends Record> {
    /** Default payload limit: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final Class<T> type;
    private final int schemaVersion;
    private final int maxBytes;

    private EventCodec(Class<T> type, int schemaVersion, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1 but was " + maxBytes);
        }
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.maxBytes = maxBytes;
    }

    /** A codec for records of {@code type} whose current {@code SCHEMA_VERSION} is {@code schemaVersion}. */
    public static <T extends Record> EventCodec<T> of(Class<T> type, int schemaVersion) {
        return new EventCodec<>(type, schemaVersion, DEFAULT_MAX_BYTES);
    }

    public EventCodec<T> withMaxBytes(int limit) {
        return new EventCodec<>(type, schemaVersion, limit);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public Class<T> type() {
        return type;
    }

    public ReadResult<T> read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new Invalid<>(RejectReason.MALFORMED_JSON, null, "payload is empty; expected a JSON object");
        }
        if (payload.length > maxBytes) {
            return new Invalid<>(RejectReason.PAYLOAD_TOO_LARGE, null, "payload is " + payload.length
                    + " bytes, over the limit of " + maxBytes + " bytes (max.payload.bytes)");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            return JsonFailures.classify(e, name());
        } catch (IOException e) {
            return new Invalid<>(RejectReason.MALFORMED_JSON, null, "payload could not be read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            return new Invalid<>(RejectReason.MALFORMED_JSON, null, "expected a JSON object but found "
                    + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().name().toLowerCase()));
        }
        return readObject(tree);
    }

    private ReadResult<T> readObject(JsonNode tree) {
        Optional<Invalid<T>> version = checkVersion(tree.get("schemaVersion"));
        if (version.isPresent()) {
            return version.get();
        }
        Optional<String> missing = RequiredPrimitives.firstMissing(tree, type, "");
        if (missing.isPresent()) {
            return new Invalid<>(RejectReason.MISSING_FIELD, missing.get(), FieldViolation.missing(missing.get()).getMessage());
        }
        T value;
        try {
            value = Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            return JsonFailures.classify(e, name());
        } catch (IllegalArgumentException e) {
            return new Invalid<>(RejectReason.INVALID_FIELD, null, name() + " could not be built: " + e.getMessage());
        }
        if (value instanceof Identified identified && !identified.eventId().equals(identified.expectedEventId())) {
            return eventIdMismatch(identified);
        }
        return new Valid<>(value);
    }

    static <T> Invalid<T> eventIdMismatch(Identified event) {
        return new Invalid<>(RejectReason.EVENT_ID_MISMATCH, "eventId", "eventId " + event.eventId()
                + " is not the SHA-256 of the event's identity fields (expected " + event.expectedEventId() + ")");
    }

    private Optional<Invalid<T>> checkVersion(JsonNode version) {
        if (version == null || version.isNull()) {
            return Optional.of(new Invalid<>(RejectReason.MISSING_FIELD, "schemaVersion",
                    FieldViolation.missing("schemaVersion").getMessage()));
        }
        if (!version.isIntegralNumber()) {
            return Optional.of(new Invalid<>(RejectReason.INVALID_FIELD, "schemaVersion",
                    "schemaVersion must be an integer but was " + version));
        }
        if (version.asLong() != schemaVersion) {
            return Optional.of(new Invalid<>(RejectReason.UNKNOWN_SCHEMA_VERSION, "schemaVersion", "schemaVersion "
                    + version + " is not supported by this reader of " + name() + " (it reads version " + schemaVersion
                    + "); upgrade the consumer or send version " + schemaVersion));
        }
        return Optional.empty();
    }

    public byte[] write(T value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write " + name() + " as JSON", e);
        }
    }

    public String writeString(T value) {
        return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A Kafka serde over this codec; its deserializer throws {@code SerializationException} for an Invalid. */
    public Serde<T> serde() {
        return new JsonSerde<>(this::write, this::read);
    }

    private String name() {
        return type.getSimpleName() + " v" + schemaVersion;
    }
}
