package io.shiftwatch.ingest;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every Shiftwatch topic, defined once: its name and serdes. Keys are run ids (String). A name
 * prefix (config key {@code topic.prefix}, empty in production) isolates tests and tenants: with
 * prefix {@code "it-42."} the checkpoint topic is {@code "it-42.shiftwatch.checkpoints"}.
 */
public final class Topics {
    public static final String CHECKPOINTS = "shiftwatch.checkpoints";
    public static final String CHECKPOINTS_DLQ = "shiftwatch.checkpoints.dlq";
    public static final String ANALYSES = "shiftwatch.analyses";
    public static final String CONCEPT_DRIFT = "shiftwatch.concept-drift";
    public static final String ANALYSIS_PROGRESS = "shiftwatch.analysis-progress";
    /** Alerts; the value type belongs to the auditor, so only the name is reserved here. */
    public static final String ALERTS = "shiftwatch.alerts";

    private static final Serde<String> RUN_ID = Serdes.String();

    private final String prefix;

    private Topics(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix must match [A-Za-z0-9._-]* but was \"" + prefix + "\"");
        }
        this.prefix = prefix;
    }

    /** The production names. */
    public static Topics standard() {
        return new Topics("");
    }

    /** The same topics with {@code prefix} in front of every name (letters, digits, '.', '_', '-'). */
    public static Topics withPrefix(String prefix) {
        return new Topics(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public Topic<String, CheckpointEvent> checkpoints() {
        return new Topic<>(prefix + CHECKPOINTS, RUN_ID, Codecs.CHECKPOINT_EVENT.serde());
    }

    public Topic<String, DeadLetter> checkpointsDlq() {
        return new Topic<>(prefix + CHECKPOINTS_DLQ, RUN_ID, Codecs.DEAD_LETTER.serde());
    }

    public Topic<String, AnalysisSummary> analyses() {
        return new Topic<>(prefix + ANALYSES, RUN_ID, Codecs.ANALYSIS_SUMMARY.serde());
    }

    public Topic<String, ConceptDriftEvent> conceptDrift() {
        return new Topic<>(prefix + CONCEPT_DRIFT, RUN_ID, Codecs.CONCEPT_DRIFT_EVENT.serde());
    }

    public Topic<String, AnalysisProgress> analysisProgress() {
        return new Topic<>(prefix + ANALYSIS_PROGRESS, RUN_ID, Codecs.ANALYSIS_PROGRESS.serde());
    }

    /** The alerts topic's name (the auditor defines its value serde). */
    public String alerts() {
        return prefix + ALERTS;
    }

    /** Every topic name, for creation at start-up. */
    public List<String> allNames() {
        return List.of(checkpoints().name(), checkpointsDlq().name(), analyses().name(), conceptDrift().name(),
                analysisProgress().name(), alerts());
    }
}
