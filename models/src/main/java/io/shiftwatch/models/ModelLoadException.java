package io.shiftwatch.models;

/**
 * Why a checkpoint could not be loaded. The cases are closed: a file whose SHA-256 does not match the
 * manifest ({@link CheckpointHashMismatchException}), a checkpoint that is missing a file, malformed,
 * inconsistent or holds non-finite weights ({@link InvalidCheckpointException}), or a format Shiftwatch
 * cannot load yet ({@link UnsupportedModelFormatException}). All are per-checkpoint failures: the caller
 * dead-letters the event and keeps going. The message names the checkpoint and what was wrong.
 */
public abstract sealed class ModelLoadException extends RuntimeException
        permits CheckpointHashMismatchException, InvalidCheckpointException, UnsupportedModelFormatException {
    protected ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
