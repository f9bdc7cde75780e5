package io.shiftwatch.ingest;

import java.util.Objects;

/**
 * The outcome of reading one payload: {@link Valid} with the event, or {@link Invalid} with a
 * reason code, the JSON path of the offending field (null when the problem is not one field, e.g.
 * malformed JSON) and a message a person can act on. Reading never throws for bad input.
 */
public sealed interface ReadResult<T> {

    record Valid<T>(T value) implements ReadResult<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(RejectReason reason, String field, String message) implements ReadResult<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** The same rejection viewed as a result of another type. */
        public <U> Invalid<U> as() {
            return new Invalid<>(reason, field, message);
        }
    }
}
