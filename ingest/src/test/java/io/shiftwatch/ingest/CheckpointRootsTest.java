package io.shiftwatch.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointRootsTest {
    private static final CheckpointRoots ROOTS = new CheckpointRoots(List.of(Path.of("/data/ckpt")), List.of("s3"));
    private static final UnaryOperator<Path> NO_LINKS = p -> p;

    /** Resolves the given symbolic links (link → target), as the filesystem would, without touching one. */
    private static UnaryOperator<Path> links(Map<Path, Path> links) {
        return path -> {
            for (var link : links.entrySet()) {
                if (path.startsWith(link.getKey())) {
                    return link.getValue().resolve(link.getKey().relativize(path)).normalize();
                }
            }
            return path;
        };
    }

    @Test
    void pathInsideARootIsAccepted() {
        // When
        Optional<String> problem = ROOTS.problem("/data/ckpt/run-7/checkpoint-100", NO_LINKS);
        // Then
        assertEquals(Optional.empty(), problem);
    }

    @Test
    void fileUriInsideARootIsAccepted() {
        // When
        Optional<String> problem = ROOTS.problem("file:///data/ckpt/run-7/step-3", NO_LINKS);
        // Then
        assertEquals(Optional.empty(), problem);
    }

    @Test
    void dotDotTraversalIsRefusedEvenWhenItWouldLandInside() {
        // When
        Optional<String> problem = ROOTS.problem("/data/ckpt/run-7/../run-8", NO_LINKS);
        // Then
        assertTrue(problem.orElseThrow().contains(".."), problem.get());
    }

    @Test
    void encodedTraversalInAFileUriIsRefused() {
        // When
        Optional<String> problem = ROOTS.problem("file:///data/ckpt/%2E%2E/%2E%2E/etc/passwd", NO_LINKS);
        // Then
        assertTrue(problem.isPresent());
    }

    @Test
    void siblingDirectoryWithTheRootAsPrefixIsOutside() {
        // When
        Optional<String> problem = ROOTS.problem("/data/ckpt-evil/x", NO_LINKS);
        // Then
        assertTrue(problem.orElseThrow().contains("outside"), problem.get());
    }

    @Test
    void relativePathIsRefused() {
        // When
        Optional<String> problem = ROOTS.problem("ckpt/run-7", NO_LINKS);
        // Then
        assertTrue(problem.orElseThrow().contains("absolute"), problem.get());
    }

    @Test
    void symlinkThatEscapesTheRootIsRefused() {
        // Given
        UnaryOperator<Path> fs = links(Map.of(Path.of("/data/ckpt/run-7"), Path.of("/etc")));
        // When
        Optional<String> problem = ROOTS.problem("/data/ckpt/run-7/checkpoint-1", fs);
        // Then
        assertTrue(problem.orElseThrow().contains("symbolic link"), problem.get());
    }

    @Test
    void symlinkedRootItselfStillContainsItsChildren() {
        // Given
        UnaryOperator<Path> fs = links(Map.of(Path.of("/data/ckpt"), Path.of("/mnt/disk1/ckpt")));
        // When
        Optional<String> problem = ROOTS.problem("/data/ckpt/run-7/checkpoint-1", fs);
        // Then
        assertEquals(Optional.empty(), problem);
    }

    @Test
    void allowedRemoteSchemeIsAccepted() {
        // When
        Optional<String> problem = ROOTS.problem("s3://bucket/run-7/checkpoint-1", NO_LINKS);
        // Then
        assertEquals(Optional.empty(), problem);
    }

    @Test
    void remoteSchemeNotConfiguredIsRefused() {
        // Given
        CheckpointRoots localOnly = new CheckpointRoots(List.of(Path.of("/data/ckpt")), List.of());
        // When
        Optional<String> problem = localOnly.problem("s3://bucket/run-7", NO_LINKS);
        // Then
        assertTrue(problem.orElseThrow().contains("checkpoint.remote-schemes"), problem.get());
    }

    @Test
    void validatorReportsTheFieldOutsideTheRoots() {
        // Given
        CheckpointEventValidator validator = new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT, ROOTS, NO_LINKS);
        CheckpointEvent event = Examples.checkpoint("run-7", 5, "/tmp/elsewhere/checkpoint-5");
        // When
        ReadResult<CheckpointEvent> result = validator.validate(event);
        // Then
        ReadResult.Invalid<?> invalid = assertInstanceOf(ReadResult.Invalid.class, result);
        assertEquals(RejectReason.URI_OUTSIDE_ROOTS, invalid.reason());
        assertEquals("checkpoint.uri", invalid.field());
    }

    @Test
    void validatorAlsoChecksTheBaseModelUri() {
        // Given
        CheckpointRoots ckptOnly = new CheckpointRoots(List.of(Path.of("/data/ckpt")), List.of());
        CheckpointEventValidator validator = new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT, ckptOnly, NO_LINKS);
        // When
        ReadResult<CheckpointEvent> result = validator.validate(Examples.checkpoint());
        // Then
        ReadResult.Invalid<?> invalid = assertInstanceOf(ReadResult.Invalid.class, result);
        assertEquals("baseModel.uri", invalid.field());
    }
}
