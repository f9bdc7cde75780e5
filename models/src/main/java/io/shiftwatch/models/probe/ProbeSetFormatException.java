package io.shiftwatch.models.probe;

/** A probe set folder is missing a file, has malformed JSON, an unknown format version or a wrongly sized images.bin. */
public final class ProbeSetFormatException extends RuntimeException {
    public ProbeSetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
