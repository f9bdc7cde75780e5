package io.shiftwatch.testbed.training;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.TrainingStepResult;
import io.shiftwatch.testbed.scenario.ExpectedChange;
import io.shiftwatch.testbed.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link CheckpointEvent} of one fine-tuning checkpoint: base model and checkpoint as
 * absolute file paths in the "testbed" format, the checkpoint's content hash as sha256, the probe set,
 * targets (the scenario's expected-change concepts and "towards" words, then {@link #CONTROLS} not
 * already named) and trainer metadata (loss, learning rate, labels scenario=..., seed=...). Pure.
 */
public final class CheckpointEvents {
    /** Concepts no scenario's default plants a change in, watched as controls. */
    public static final List<String> CONTROLS = List.of("square", "red", "chef", "beach");

    private CheckpointEvents() {
    }

    /** The run's event targets: affected concepts first, then controls. */
    public static List<String> targets(Scenario scenario) {
        Set<String> t = new LinkedHashSet<>();
        for (ExpectedChange c : scenario.groundTruth().changes()) {
            if (!c.concept().equals("*")) t.add(c.concept());
            if (c.towards() != null) t.add(c.towards());
        }
        t.addAll(CONTROLS);
        return new ArrayList<>(t);
    }

    public static CheckpointEvent of(String runId, int step, Instant emittedAt, ModelInfo base, Path baseDir, ModelInfo checkpoint,
                                     Path checkpointDir, String probeSetId, Path probeSetDir, Scenario scenario,
                                     TrainingStepResult result, Map<String, String> labels) {
        Map<String, String> l = new TreeMap<>(labels);
        l.put("scenario", scenario.name());
        scenario.groundTruth().parameters().forEach((k, v) -> l.put("scenario." + k, v));
        return CheckpointEvent.of(runId, step, emittedAt,
                new CheckpointEvent.BaseModel(base.id(), baseDir.toAbsolutePath().normalize().toString(), ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(checkpointDir.toAbsolutePath().normalize().toString(), ModelFormat.TESTBED,
                        checkpoint.contentHash()),
                new CheckpointEvent.ProbeSet(probeSetId, probeSetDir == null ? null : probeSetDir.toAbsolutePath().normalize().toString()),
                targets(scenario), List.of(), new CheckpointEvent.TrainerMetadata(result.loss(), result.learningRate(), null, l));
    }
}
