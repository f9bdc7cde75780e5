package io.shiftwatch.auditor.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a compliance report of one run shows, read from PostgreSQL in one read-only transaction
 * ({@link ReportLoader}) and rendered by pure functions ({@link HtmlReport}, {@link PdfReport}). Lists
 * are never null and are in display order; {@code dataTime} is the latest timestamp in the data (the
 * PDF's creation date, so two renderings of the same rows are byte-identical).
 */
public record ReportModel(RunIdentity run, List<AnalysisSetup> setups, List<ProbeSetInfo> probeSets,
                          List<CheckpointEntry> checkpoints, List<ConceptEvolution> concepts,
                          List<FindingEntry> findings, AuditVerification audit, List<SteeringEntry> steering,
                          Instant dataTime) {
    public ReportModel {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(dataTime, "dataTime");
        setups = List.copyOf(setups);
        probeSets = List.copyOf(probeSets);
        checkpoints = List.copyOf(checkpoints);
        concepts = List.copyOf(concepts);
        findings = List.copyOf(findings);
        steering = List.copyOf(steering);
    }

    /** The run and its base model; {@code baseModelHash} null when no analysis resolved it yet. */
    public record RunIdentity(String runId, String baseModelId, String baseModelUri, String baseModelFormat,
                              String baseModelHash, String status, Instant createdAt, Map<String, String> labels) {
        public RunIdentity {
            Objects.requireNonNull(runId, "runId");
            labels = Map.copyOf(labels);
        }
    }

    /**
     * One analysis configuration used on the run: its hash, the software version that applied it, the
     * settings as stored (name → value, sorted by name) and the steps analysed with it.
     */
    public record AnalysisSetup(String configHash, String softwareVersion, Map<String, String> settings,
                                long firstStep, long lastStep, int analyses) {
        public AnalysisSetup {
            settings = Map.copyOf(settings);
        }
    }

    /** A probe set the run was measured on; {@code id}, {@code uri} and sizes null when it is not registered. */
    public record ProbeSetInfo(String contentHash, String id, String uri, Integer sampleCount, Integer imageSize) {
    }

    /**
     * One checkpoint of the timeline: its status, hashes, when it was emitted and analysed, the analysis
     * wall time and per-stage timings in ms (stage → ms, empty when not analysed), and why it failed.
     */
    public record CheckpointEntry(long step, String eventId, String status, String checkpointHash, Instant emittedAt,
                                  Instant analysedAt, Long analysisMillis, Map<String, Long> stageMillis,
                                  String failureReason) {
        public CheckpointEntry {
            stageMillis = Map.copyOf(stageMillis);
        }
    }

    /**
     * The audit-log chain as verified when the report was built: rows in the whole chain and of this run,
     * the first broken seq (null when the chain holds) and the head row's seq and hash (null when empty).
     */
    public record AuditVerification(int rows, int runRows, Long firstBrokenSeq, Long headSeq, String headHash) {
        public boolean intact() {
            return firstBrokenSeq == null;
        }
    }

    /** A steering vector stored for the run, with its stored evaluation (canonical JSON). */
    public record SteeringEntry(String steeringId, String name, String kind, int layer, double alpha, int dim,
                                Instant createdAt, String evaluationJson) {
    }
}
