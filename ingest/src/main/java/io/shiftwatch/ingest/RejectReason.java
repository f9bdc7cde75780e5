package io.shiftwatch.ingest;

/**
 * Why an incoming payload was refused; the code travels with the dead letter and the HTTP error.
 * {@link #httpStatus()} is the status the ingest endpoint answers with.
 */
public enum RejectReason {
    /** Not parseable JSON, or not a JSON object. */
    MALFORMED_JSON(400),
    /** Larger than the configured payload limit. */
    PAYLOAD_TOO_LARGE(413),
    /** The HTTP body was not declared as application/json. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** {@code schemaVersion} absent, or a version this reader does not know. */
    UNKNOWN_SCHEMA_VERSION(422),
    /** A required field is absent or null. */
    MISSING_FIELD(422),
    /** A field has the wrong type or breaks an invariant, or is not part of the schema. */
    INVALID_FIELD(422),
    /** A file URI or path outside the configured checkpoint roots, or a remote scheme not allowed. */
    URI_OUTSIDE_ROOTS(422),
    /** {@code eventId} is not the hash its identity fields imply. */
    EVENT_ID_MISMATCH(422),
    /** The analyzer could not read a model, checkpoint or probe set (missing, corrupt, hash mismatch). */
    CHECKPOINT_UNREADABLE(422),
    /** The event names a model format this analyzer cannot load yet. */
    UNSUPPORTED_FORMAT(422),
    /** The checkpoint was read but cannot be analysed (shape mismatch with the base, NaN/Inf, target never produced). */
    ANALYSIS_FAILED(422);

    private final int httpStatus;

    RejectReason(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
