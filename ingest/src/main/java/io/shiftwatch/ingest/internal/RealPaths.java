package io.shiftwatch.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Filesystem side of the root check: resolves symbolic links of the longest existing prefix. */
public final class RealPaths {
    private RealPaths() {
    }

    /**
     * The real path of {@code path}: the deepest existing ancestor resolved with
     * {@code toRealPath()}, the not-yet-existing rest appended; the normalised path if nothing exists.
     */
    public static Path resolve(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        Path existing = normal;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return normal;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(normal)).normalize();
        } catch (IOException e) {
            return normal;
        }
    }
}
