package io.shiftwatch.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where checkpoints and base models may be read from: absolute local directories ({@code roots})
 * and remote URI schemes ({@code remoteSchemes}, e.g. "s3"; none by default). {@link #problem} is a
 * pure function over normalised paths; symlinks are followed by the injected {@code realPath}
 * (identity for pure checks; the filesystem's resolution in services, see
 * {@link CheckpointEventValidator#onFilesystem}).
 */
public record CheckpointRoots(List<Path> roots, List<String> remoteSchemes) {
    public CheckpointRoots {
        roots = List.copyOf(roots);
        remoteSchemes = remoteSchemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (Path root : roots) {
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("checkpoint root must be absolute but was " + root);
            }
        }
    }

    /**
     * Why {@code uri} (a file: URI or plain path, or a remote URI) may not be read, or empty when it
     * may. Rejects relative paths, any ".." segment, paths outside every root after normalisation,
     * and paths whose real location ({@code realPath} applied to path and roots) escapes the roots.
     */
    public Optional<String> problem(String uri, UnaryOperator<Path> realPath) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("\"" + uri + "\" is not a valid URI: " + e.getReason());
        }
        String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("file")) {
            return remoteSchemes.contains(scheme) ? Optional.empty() : Optional.of("\"" + uri + "\" uses scheme "
                    + scheme + ", which is not allowed (allowed remote schemes: " + remoteSchemes
                    + ", config checkpoint.remote-schemes)");
        }
        String rawPath = parsed.getPath();
        if (rawPath == null || rawPath.isEmpty() || !rawPath.startsWith("/")) {
            return Optional.of("\"" + uri + "\" is not an absolute path");
        }
        Path path = Path.of(rawPath);
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                return Optional.of("\"" + uri + "\" contains a '..' segment; use a normalised path inside a checkpoint root");
            }
        }
        return containment(uri, path.normalize(), realPath);
    }

    private Optional<String> containment(String uri, Path path, UnaryOperator<Path> realPath) {
        if (roots.isEmpty()) {
            return Optional.of("\"" + uri + "\" cannot be checked: no checkpoint roots are configured (checkpoint.roots)");
        }
        if (roots.stream().noneMatch(root -> path.startsWith(root.normalize()))) {
            return Optional.of("\"" + uri + "\" is outside the checkpoint roots " + roots);
        }
        Path real = realPath.apply(path);
        if (roots.stream().noneMatch(root -> real.startsWith(realPath.apply(root.normalize())))) {
            return Optional.of("\"" + uri + "\" resolves through a symbolic link to " + real
                    + ", outside the checkpoint roots " + roots);
        }
        return Optional.empty();
    }
}
