package io.shiftwatch.ingest;

import io.shiftwatch.ingest.internal.EventIds;
import io.shiftwatch.ingest.internal.Invariants;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trainer saved a checkpoint (v1): the one contract trainers see. {@code eventId} is the
 * SHA-256 hex of runId, step, checkpoint uri and sha256 ({@link #computeEventId}); readers verify
 * it. {@code step >= 0}; {@code targets} (tokens to analyse) and {@code layers} (-1 = final norm)
 * are never null, empty meaning "the analyzer's defaults"; {@code trainer} is never null.
 * JSON Schema: {@code /schemas/checkpoint-event-v1.schema.json} on the classpath.
 */
public record CheckpointEvent(int schemaVersion, String eventId, String runId, long step, Instant emittedAt,
                              BaseModel baseModel, CheckpointRef checkpoint, ProbeSet probeSet,
                              List<String> targets, List<Integer> layers, TrainerMetadata trainer)
        implements Identified {
    public static final int SCHEMA_VERSION = 1;
    /** Layer index meaning "the final norm's output" rather than a transformer block. */
    public static final int FINAL_NORM = -1;

    public CheckpointEvent {
        if (schemaVersion != SCHEMA_VERSION) {
            throw FieldViolation.invalid("schemaVersion", "must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Invariants.sha256Hex(eventId, "eventId");
        Invariants.runId(runId, "runId");
        Invariants.atLeast(step, 0, "step");
        Invariants.present(emittedAt, "emittedAt");
        Invariants.present(baseModel, "baseModel");
        Invariants.present(checkpoint, "checkpoint");
        Invariants.present(probeSet, "probeSet");
        targets = Invariants.words(targets, "targets");
        layers = layers == null ? List.of() : List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            Invariants.atLeast(Invariants.present(layers.get(i), "layers[" + i + "]"), FINAL_NORM, "layers[" + i + "]");
        }
        trainer = trainer == null ? TrainerMetadata.NONE : trainer;
    }

    /** Builds an event whose {@code eventId} is computed from its identity fields. */
    public static CheckpointEvent of(String runId, long step, Instant emittedAt, BaseModel baseModel,
                                     CheckpointRef checkpoint, ProbeSet probeSet, List<String> targets,
                                     List<Integer> layers, TrainerMetadata trainer) {
        Invariants.runId(runId, "runId");
        Invariants.present(checkpoint, "checkpoint");
        String id = computeEventId(runId, step, checkpoint.uri(), checkpoint.sha256());
        return new CheckpointEvent(SCHEMA_VERSION, id, runId, step, emittedAt, baseModel, checkpoint, probeSet,
                targets, layers, trainer);
    }

    /** SHA-256 hex of ("checkpoint/v1", runId, step, uri, sha256 or ""), see {@code EventIds}. */
    public static String computeEventId(String runId, long step, String checkpointUri, String checkpointSha256) {
        return EventIds.sha256Hex("checkpoint/v1", runId, Long.toString(step), checkpointUri,
                checkpointSha256 == null ? "" : checkpointSha256);
    }

    @Override
    public String expectedEventId() {
        return computeEventId(runId, step, checkpoint.uri(), checkpoint.sha256());
    }

    /** The model the run fine-tunes; all fields required. */
    public record BaseModel(String id, String uri, ModelFormat format) {
        public BaseModel {
            Invariants.text(id, "baseModel.id");
            Invariants.uri(uri, "baseModel.uri");
            Invariants.present(format, "baseModel.format");
        }
    }

    /** Where the checkpoint lives; {@code sha256} (64 lowercase hex of its content) may be null. */
    public record CheckpointRef(String uri, ModelFormat format, String sha256) {
        public CheckpointRef {
            Invariants.uri(uri, "checkpoint.uri");
            Invariants.present(format, "checkpoint.format");
            if (sha256 != null) {
                Invariants.sha256Hex(sha256, "checkpoint.sha256");
            }
        }
    }

    /** The fixed probe set to run: {@code id} required, {@code uri} may be null (resolved by id). */
    public record ProbeSet(String id, String uri) {
        public ProbeSet {
            Invariants.text(id, "probeSet.id");
            if (uri != null) {
                Invariants.uri(uri, "probeSet.uri");
            }
        }
    }

    /** What the trainer knows at this step; every number may be null, labels never null. */
    public record TrainerMetadata(Double loss, Double learningRate, Double epoch, Map<String, String> labels) {
        public static final TrainerMetadata NONE = new TrainerMetadata(null, null, null, Map.of());

        public TrainerMetadata {
            if (loss != null) {
                Invariants.finite(loss, "trainer.loss");
            }
            if (learningRate != null) {
                Invariants.nonNegative(learningRate, "trainer.learningRate");
            }
            if (epoch != null) {
                Invariants.nonNegative(epoch, "trainer.epoch");
            }
            labels = Invariants.entries(labels, "trainer.labels");
        }
    }
}
