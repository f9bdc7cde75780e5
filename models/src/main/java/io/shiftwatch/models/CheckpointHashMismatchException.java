package io.shiftwatch.models;

import java.nio.file.Path;

/**
 * A checkpoint file's SHA-256 differs from the one its manifest.json records: the file was changed or
 * truncated after the checkpoint was written. Carries the file and both hashes (lower-case hex).
 */
public final class CheckpointHashMismatchException extends ModelLoadException {
    private final Path file;
    private final String expectedSha256;
    private final String actualSha256;

    public CheckpointHashMismatchException(Path file, String expectedSha256, String actualSha256) {
        super("checkpoint file " + file + " has SHA-256 " + actualSha256 + " but its manifest records "
                + expectedSha256 + "; the checkpoint is not loaded", null);
        this.file = file;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public Path file() { return file; }

    public String expectedSha256() { return expectedSha256; }

    public String actualSha256() { return actualSha256; }
}
