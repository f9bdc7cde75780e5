package io.shiftwatch.ingest;

import io.shiftwatch.ingest.ReadResult.Invalid;
import io.shiftwatch.ingest.ReadResult.Valid;
import io.shiftwatch.ingest.internal.RealPaths;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything a CheckpointEvent must pass before it enters or leaves Kafka: the codec's checks
 * (size, JSON, version, fields, event id) plus the policy checks that depend on configuration —
 * {@code checkpoint.uri} and {@code baseModel.uri} inside the checkpoint roots. Thread-safe.
 */
public final class CheckpointEventValidator {
    private final EventCodec<CheckpointEvent> codec;
    private final CheckpointRoots roots;
    private final UnaryOperator<Path> realPath;

    public CheckpointEventValidator(EventCodec<CheckpointEvent> codec, CheckpointRoots roots,
                                    UnaryOperator<Path> realPath) {
        this.codec = codec;
        this.roots = roots;
        this.realPath = realPath;
    }

    /** Validates against the real filesystem (symbolic links are followed). */
    public static CheckpointEventValidator onFilesystem(int maxBytes, CheckpointRoots roots) {
        return new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT.withMaxBytes(maxBytes), roots, RealPaths::resolve);
    }

    public EventCodec<CheckpointEvent> codec() {
        return codec;
    }

    public ReadResult<CheckpointEvent> read(byte[] payload) {
        return switch (codec.read(payload)) {
            case Valid<CheckpointEvent> valid -> validate(valid.value());
            case Invalid<CheckpointEvent> invalid -> invalid;
        };
    }

    /** Checks an event built in memory, as a reader would check it after a round trip. */
    public ReadResult<CheckpointEvent> validate(CheckpointEvent event) {
        if (!event.eventId().equals(event.expectedEventId())) {
            return EventCodec.eventIdMismatch(event);
        }
        int size = codec.write(event).length;
        if (size > codec.maxBytes()) {
            return new Invalid<>(RejectReason.PAYLOAD_TOO_LARGE, null, "event is " + size
                    + " bytes as JSON, over the limit of " + codec.maxBytes() + " bytes (max.payload.bytes)");
        }
        Optional<Invalid<CheckpointEvent>> outside = outside("checkpoint.uri", event.checkpoint().uri())
                .or(() -> outside("baseModel.uri", event.baseModel().uri()));
        return outside.isPresent() ? outside.get() : new Valid<>(event);
    }

    private Optional<Invalid<CheckpointEvent>> outside(String field, String uri) {
        return roots.problem(uri, realPath)
                .map(problem -> new Invalid<>(RejectReason.URI_OUTSIDE_ROOTS, field, field + " " + problem));
    }
}
