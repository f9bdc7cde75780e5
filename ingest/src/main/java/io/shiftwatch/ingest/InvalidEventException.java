package io.shiftwatch.ingest;

/**
 * Thrown by the publishing side (never by readers) when an event fails validation before it is
 * sent: programmer or trainer error, nothing was sent. {@link #invalid()} carries the reason code,
 * the field and the message.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private final transient ReadResult.Invalid<?> invalid;

    public InvalidEventException(ReadResult.Invalid<?> invalid) {
        super(invalid.reason() + ": " + invalid.message() + "; the event was not published");
        this.invalid = invalid;
    }

    public ReadResult.Invalid<?> invalid() {
        return invalid;
    }
}
