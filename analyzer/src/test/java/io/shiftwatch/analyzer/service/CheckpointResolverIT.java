package io.shiftwatch.analyzer.service;

import io.shiftwatch.analyzer.service.CheckpointResolver.Failed;
import io.shiftwatch.analyzer.service.CheckpointResolver.Ok;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointRoots;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.ingest.RejectReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointResolverIT {
    @TempDir
    Path tmp;
    Path root;
    Path outside;
    Path probes;
    CheckpointResolver resolver;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("runs"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        probes = Files.createDirectories(tmp.resolve("probes"));
        Files.createDirectories(root.resolve("base"));
        Files.createDirectories(root.resolve("run-1/step-10"));
        Files.createDirectories(probes.resolve("drift-v1"));
        Files.writeString(probes.resolve("drift-v1/probe.json"), "{}");
        resolver = new CheckpointResolver(new CheckpointRoots(List.of(root), List.of()), Optional.of(probes));
    }

    @Test
    void foldersInsideTheRootsResolve() {
        // Given
        CheckpointEvent event = event(root.resolve("base"), root.resolve("run-1/step-10"), ModelFormat.TESTBED);

        // When
        var resolution = resolver.resolve(event);

        // Then
        Ok ok = assertInstanceOf(Ok.class, resolution);
        assertEquals(root.resolve("run-1/step-10"), ok.resolved().checkpoint());
        assertEquals(probes.resolve("drift-v1"), ok.resolved().probeSet());
    }

    @Test
    void aSymlinkInsideTheRootsThatEscapesThemIsRefused() throws IOException {
        // Given a link inside the root pointing outside it
        Path link = Files.createSymbolicLink(root.resolve("run-1/step-20"), outside);
        CheckpointEvent event = event(root.resolve("base"), link, ModelFormat.TESTBED);

        // When
        var resolution = resolver.resolve(event);

        // Then
        Failed failed = assertInstanceOf(Failed.class, resolution);
        assertEquals(RejectReason.URI_OUTSIDE_ROOTS, failed.problem().reason());
        assertEquals("checkpoint.uri", failed.problem().field());
    }

    @Test
    void aMissingCheckpointFolderIsNamed() {
        // Given
        CheckpointEvent event = event(root.resolve("base"), root.resolve("run-1/step-99"), ModelFormat.TESTBED);

        // When
        var resolution = resolver.resolve(event);

        // Then
        Failed failed = assertInstanceOf(Failed.class, resolution);
        assertEquals(RejectReason.CHECKPOINT_UNREADABLE, failed.problem().reason());
        assertTrue(failed.problem().message().contains("step-99"), failed.problem().message());
    }

    @Test
    void aFormatThisAnalyzerCannotLoadIsRefusedBeforeAnyFileIsRead() {
        // Given
        CheckpointEvent event = event(root.resolve("base"), outside, ModelFormat.SAFETENSORS);

        // When
        var resolution = resolver.resolve(event);

        // Then
        Failed failed = assertInstanceOf(Failed.class, resolution);
        assertEquals(RejectReason.UNSUPPORTED_FORMAT, failed.problem().reason());
        assertEquals("checkpoint.format", failed.problem().field());
    }

    @Test
    void anUnknownProbeSetIdIsNamed() {
        // Given
        CheckpointEvent base = event(root.resolve("base"), root.resolve("run-1/step-10"), ModelFormat.TESTBED);
        CheckpointEvent event = CheckpointEvent.of(base.runId(), base.step(), base.emittedAt(), base.baseModel(),
                base.checkpoint(), new CheckpointEvent.ProbeSet("no-such-probes", null), null, null, null);

        // When
        var resolution = resolver.resolve(event);

        // Then
        Failed failed = assertInstanceOf(Failed.class, resolution);
        assertEquals("probeSet.id", failed.problem().field());
        assertTrue(failed.problem().message().contains("no-such-probes"), failed.problem().message());
    }

    private static CheckpointEvent event(Path base, Path checkpoint, ModelFormat checkpointFormat) {
        return CheckpointEvent.of("run-1", 10, Instant.parse("2026-11-23T00:00:00Z"),
                new CheckpointEvent.BaseModel("testbed-base", base.toString(), ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(checkpoint.toString(), checkpointFormat, null),
                new CheckpointEvent.ProbeSet("drift-v1", null), null, null, null);
    }
}
