package io.shiftwatch.ingest.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When is a checkpoint folder complete? Pure functions over successive snapshots: a folder is
 * ready once it is non-empty, (testbed format) has its manifest, and no file was added, removed,
 * resized or touched for the settle interval.
 */
public final class Settling {
    private Settling() {
    }

    /** A snapshot and the instant it was first seen unchanged. */
    public record Observation(FolderSnapshot snapshot, Instant unchangedSince) {
    }

    /** Verdict on one folder. */
    public sealed interface Readiness {
        record Ready() implements Readiness {
        }

        record Waiting(String why) implements Readiness {
        }
    }

    /** The observation after seeing {@code current} at {@code now}; a change restarts the clock. */
    public static Observation observe(Observation previous, FolderSnapshot current, Instant now) {
        if (previous != null && previous.snapshot().equals(current)) {
            return previous;
        }
        return new Observation(current, now);
    }

    public static Readiness readiness(CheckpointFolder.Layout layout, Observation observation, Instant now,
                                      Duration settle) {
        FolderSnapshot snapshot = observation.snapshot();
        if (snapshot.isEmpty()) {
            return new Readiness.Waiting("folder is empty");
        }
        if (layout == CheckpointFolder.Layout.TESTBED && !snapshot.hasManifest()) {
            return new Readiness.Waiting("no " + FolderSnapshot.MANIFEST + " yet");
        }
        Duration quiet = Duration.between(observation.unchangedSince(), now);
        if (quiet.compareTo(settle) < 0) {
            return new Readiness.Waiting("changed " + quiet.toMillis() + " ms ago; settling for " + settle.toMillis() + " ms");
        }
        return new Readiness.Ready();
    }
}
