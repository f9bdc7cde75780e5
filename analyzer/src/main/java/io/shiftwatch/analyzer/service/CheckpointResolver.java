package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointRoots;
import io.shiftwatch.ingest.RejectReason;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns the locations named by a {@link CheckpointEvent} into local folders the analyzer may read:
 * base model and checkpoint must lie inside the configured checkpoint roots (checked again here, after
 * symlinks are resolved — the event may have been produced straight to Kafka, bypassing ingest), must
 * exist, and must be in a format this analyzer loads; the probe set is the event's {@code probeSet.uri}
 * or {@code <probeSetsDir>/<probeSet.id>}. Failures are values naming the field and the problem.
 */
public final class CheckpointResolver {
    private final CheckpointRoots roots;
    private final Optional<Path> probeSetsDir;

    public CheckpointResolver(CheckpointRoots roots, Optional<Path> probeSetsDir) {
        this.roots = roots;
        this.probeSetsDir = probeSetsDir;
    }

    /** Local folders of one event, all verified to exist. */
    public record Resolved(Path baseModel, Path checkpoint, Path probeSet) {
    }

    /** Why an event cannot be analysed; {@code field} is the event field at fault. */
    public record Unresolvable(RejectReason reason, String field, String message) {
    }

    /** Either the resolved folders or the reason they cannot be used. */
    public sealed interface Resolution permits Ok, Failed {
    }

    public record Ok(Resolved resolved) implements Resolution {
    }

    public record Failed(Unresolvable problem) implements Resolution {
    }

    public Resolution resolve(CheckpointEvent event) {
        if (event.baseModel().format() != io.shiftwatch.ingest.ModelFormat.TESTBED)
            return failed(RejectReason.UNSUPPORTED_FORMAT, "baseModel.format", "base model format "
                    + event.baseModel().format() + " cannot be loaded by this analyzer yet (supported: testbed)");
        if (event.checkpoint().format() != io.shiftwatch.ingest.ModelFormat.TESTBED)
            return failed(RejectReason.UNSUPPORTED_FORMAT, "checkpoint.format", "checkpoint format "
                    + event.checkpoint().format() + " cannot be loaded by this analyzer yet (supported: testbed)");
        Located base = localFolder(event.baseModel().uri(), "baseModel.uri");
        if (base instanceof Problem p) return new Failed(p.problem());
        Located checkpoint = localFolder(event.checkpoint().uri(), "checkpoint.uri");
        if (checkpoint instanceof Problem p) return new Failed(p.problem());
        Located probe = probeSetFolder(event.probeSet());
        if (probe instanceof Problem p) return new Failed(p.problem());
        return new Ok(new Resolved(((Folder) base).path(), ((Folder) checkpoint).path(), ((Folder) probe).path()));
    }

    /** A configured reference checkpoint (analyzer.null-references) must also be a folder inside the roots. */
    public Optional<Unresolvable> referenceProblem(Path reference) {
        return localFolder(reference.toString(), "analyzer.null-references") instanceof Problem p
                ? Optional.of(p.problem()) : Optional.empty();
    }

    private sealed interface Located permits Folder, Problem {
    }

    private record Folder(Path path) implements Located {
    }

    private record Problem(Unresolvable problem) implements Located {
    }

    private Located localFolder(String uri, String field) {
        Optional<String> problem = roots.problem(uri, CheckpointResolver::realPath);
        if (problem.isPresent()) return failedLocated(RejectReason.URI_OUTSIDE_ROOTS, field, problem.get());
        Path path = toPath(uri);
        if (!Files.isDirectory(path))
            return failedLocated(RejectReason.CHECKPOINT_UNREADABLE, field, path + " does not exist or is not a folder");
        return new Folder(path);
    }

    private Located probeSetFolder(CheckpointEvent.ProbeSet probeSet) {
        if (probeSet.uri() != null) {
            // Probe sets are data the analyzer reads, so they obey the same roots as checkpoints.
            Optional<String> problem = roots.problem(probeSet.uri(), CheckpointResolver::realPath);
            Path path = toPath(probeSet.uri());
            boolean inProbeDir = probeSetsDir.map(d -> realPath(path).startsWith(realPath(d))).orElse(false);
            if (problem.isPresent() && !inProbeDir)
                return failedLocated(RejectReason.URI_OUTSIDE_ROOTS, "probeSet.uri", problem.get());
            if (!Files.isRegularFile(path.resolve("probe.json")))
                return failedLocated(RejectReason.CHECKPOINT_UNREADABLE, "probeSet.uri", path + " holds no probe.json");
            return new Folder(path);
        }
        if (probeSetsDir.isEmpty())
            return failedLocated(RejectReason.MISSING_FIELD, "probeSet.uri", "the event names no probe set uri and"
                    + " analyzer.probe-sets-dir is not configured, so probe set '" + probeSet.id() + "' cannot be found");
        if (!probeSet.id().matches("[A-Za-z0-9._-]+") || probeSet.id().startsWith("."))
            return failedLocated(RejectReason.INVALID_FIELD, "probeSet.id", "probe set id '" + probeSet.id()
                    + "' is not a plain folder name (letters, digits, '.', '_', '-')");
        Path path = probeSetsDir.get().resolve(probeSet.id());
        if (!Files.isRegularFile(path.resolve("probe.json")))
            return failedLocated(RejectReason.CHECKPOINT_UNREADABLE, "probeSet.id", "no probe set '" + probeSet.id()
                    + "' in " + probeSetsDir.get());
        return new Folder(path);
    }

    static Path toPath(String uri) {
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static Failed failed(RejectReason reason, String field, String message) {
        return new Failed(new Unresolvable(reason, field, message));
    }

    private static Located failedLocated(RejectReason reason, String field, String message) {
        return new Problem(new Unresolvable(reason, field, message));
    }
}
