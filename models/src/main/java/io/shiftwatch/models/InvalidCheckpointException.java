package io.shiftwatch.models;

import java.nio.file.Path;

/**
 * A checkpoint folder that cannot be used: a missing or unreadable file, malformed JSON, a config that
 * disagrees with the vocabulary or the weights, or weights holding NaN/Inf. The message names the folder
 * and the problem.
 */
public final class InvalidCheckpointException extends ModelLoadException {
    private final Path checkpoint;

    public InvalidCheckpointException(Path checkpoint, String problem) {
        this(checkpoint, problem, null);
    }

    public InvalidCheckpointException(Path checkpoint, String problem, Throwable cause) {
        super("checkpoint " + checkpoint + " is not loadable: " + problem, cause);
        this.checkpoint = checkpoint;
    }

    public Path checkpoint() { return checkpoint; }
}
