package io.shiftwatch.ingest;

/**
 * An event whose {@link #eventId()} is derived deterministically from its identity fields, so
 * consumers can drop duplicates and readers can detect tampering or a trainer's wrong hash.
 */
public interface Identified {
    /** The id carried by the event (64 lowercase hex). */
    String eventId();

    /** The id the identity fields imply; equal to {@link #eventId()} for a well-formed event. */
    String expectedEventId();
}
