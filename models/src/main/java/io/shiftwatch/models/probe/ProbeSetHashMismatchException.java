package io.shiftwatch.models.probe;

/**
 * A probe set's stored content hash does not match its content: a file was modified or truncated.
 * The set is not used; regenerate it (testbed {@code probe}) or restore the original files.
 */
public final class ProbeSetHashMismatchException extends RuntimeException {
    public ProbeSetHashMismatchException(String message) {
        super(message);
    }
}
