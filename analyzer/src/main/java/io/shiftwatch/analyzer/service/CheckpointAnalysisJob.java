package io.shiftwatch.analyzer.service;

import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.comparison.BaseConcepts;
import io.shiftwatch.analyzer.comparison.CheckpointComparison;
import io.shiftwatch.analyzer.comparison.ComparisonOutcome;
import io.shiftwatch.analyzer.comparison.DriftEvents;
import io.shiftwatch.analyzer.extraction.BaseActivationCache;
import io.shiftwatch.ingest.AnalysisSummary;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.RejectReason;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ModelLoadException;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analyzer's work on one checkpoint event: resolve and verify the folders, record the run and
 * checkpoint, skip a re-delivery of committed work, load both models and the probe set, compare
 * ({@link CheckpointComparison}), write everything in one transaction and hand the drift events and
 * summary back for publishing. Bad events and unanalysable checkpoints become
 * {@link CheckpointOutcome.Rejected} values with a reason (and the checkpoint is marked FAILED);
 * database or Kafka failures propagate so the event is re-processed.
 */
public final class CheckpointAnalysisJob implements CheckpointProcessor {
    public static final String SOFTWARE_VERSION = "shiftwatch-analyzer/0.1.0";
    /** Progress rows are written at most this often within one stage. */
    static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(2);

    private final Config settings;
    private final CheckpointResolver resolver;
    private final CheckpointLedger ledger;
    private final DataSource dataSource;
    private final BaseActivationCache cache;
    private final BaseConcepts baseConcepts = new BaseConcepts(64);
    private final ProbeSetRegistry probeSets;
    private final Clock clock;

    public CheckpointAnalysisJob(Config settings, CheckpointResolver resolver, DataSource dataSource,
                                 BaseActivationCache cache, Clock clock) {
        this.settings = settings;
        this.resolver = resolver;
        this.ledger = new CheckpointLedger(dataSource);
        this.dataSource = dataSource;
        this.probeSets = new ProbeSetRegistry(dataSource);
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public CheckpointOutcome process(CheckpointEvent event, ProgressSink progress) {
        try {
            ledger.receive(event);
            var resolution = resolver.resolve(event);
            if (resolution instanceof CheckpointResolver.Failed failed) return reject(event, failed.problem());
            var folders = ((CheckpointResolver.Ok) resolution).resolved();
            AnalysisConfig config = AnalysisConfig.from(settings, event.targets(), event.layers());
            String analysisId = AnalysisWriter.analysisId(event.runId(), event.step(), config.configHash());
            if (ledger.analysed(analysisId)) return new CheckpointOutcome.AlreadyAnalysed(analysisId);
            ledger.mark(event.eventId(), "ANALYSING");
            var stored = new StoredProgress(ledger, event.eventId(), progress, clock, PROGRESS_INTERVAL);
            CheckpointOutcome outcome = analyse(event, config, folders, stored);
            if (outcome instanceof CheckpointOutcome.Analysed) stored.finish("done");
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("database write failed for run " + event.runId() + " step " + event.step()
                    + "; the event will be re-processed: " + e.getMessage(), e);
        }
    }

    private CheckpointOutcome analyse(CheckpointEvent event, AnalysisConfig config, CheckpointResolver.Resolved folders,
                                      ProgressSink progress) throws SQLException {
        Instant started = clock.instant();
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        ProbeSet probes;
        try {
            probes = ProbeSetFiles.read(folders.probeSet());
        } catch (IOException | RuntimeException e) {
            return reject(event, new CheckpointResolver.Unresolvable(RejectReason.CHECKPOINT_UNREADABLE, "probeSet",
                    "probe set " + folders.probeSet() + " cannot be read: " + e.getMessage()));
        }
        AdapterOptions options = AdapterOptions.defaults().withBatchSize(config.batchSize());
        for (var reference : config.nullReferences()) {
            var problem = resolver.referenceProblem(reference);
            if (problem.isPresent()) return reject(event, problem.get());
        }
        try (ModelAdapter base = ModelAdapters.open(folders.baseModel(), ModelFormat.TESTBED, options);
             ModelAdapter checkpoint = ModelAdapters.open(folders.checkpoint(), ModelFormat.TESTBED, options);
             References references = References.open(config.nullReferences(), options)) {
            millis.put("load", (System.nanoTime() - t0) / 1_000_000);
            String declared = event.checkpoint().sha256();
            if (declared != null && !declared.equals(checkpoint.info().contentHash()))
                return reject(event, new CheckpointResolver.Unresolvable(RejectReason.CHECKPOINT_UNREADABLE, "checkpoint.sha256",
                        "checkpoint content hash is " + checkpoint.info().contentHash() + " but the event declares " + declared));
            var comparison = new CheckpointComparison(config, cache, baseConcepts);
            ComparisonOutcome outcome = comparison.compare(base, checkpoint, references.adapters(), probes.samples(),
                    progress::report);
            return switch (outcome) {
                case ComparisonOutcome.Failed f -> reject(event, new CheckpointResolver.Unresolvable(f.reason(), f.field(), f.message()));
                case ComparisonOutcome.Compared compared -> commit(event, config, compared, millis, started,
                        () -> probeSets.register(probes, compared.probeSetHash(), folders.probeSet()));
            };
        } catch (ModelLoadException e) {
            return reject(event, new CheckpointResolver.Unresolvable(RejectReason.CHECKPOINT_UNREADABLE, "checkpoint.uri",
                    e.getMessage()));
        } catch (UncheckedIOException e) {
            return reject(event, new CheckpointResolver.Unresolvable(RejectReason.CHECKPOINT_UNREADABLE, "checkpoint.uri",
                    "reading failed: " + e.getMessage()));
        }
    }

    private CheckpointOutcome commit(CheckpointEvent event, AnalysisConfig config, ComparisonOutcome.Compared compared,
                                     Map<String, Long> millis, Instant started, ProbeSetWrite probeSet) throws SQLException {
        millis.putAll(compared.stageMillis());
        long t0 = System.nanoTime();
        probeSet.write();
        var drift = DriftEvents.of(event, compared, config.configHash());
        try (Connection c = dataSource.getConnection()) {
            AnalysisWriter.ensureIndexes(c, compared.targets().getFirst().pairedBase()[0].length);
        }
        // The write time is measured and reported in the summary before the write itself, which stores it.
        Map<String, Long> withWrite = new LinkedHashMap<>(millis);
        withWrite.put("write", 0L);
        AnalysisSummary draft = DriftEvents.summary(event, compared, config.configHash(), withWrite);
        Database.inTransaction(dataSource, c -> {
            AnalysisWriter.write(c, event, config, compared, draft, started, clock.instant(), SOFTWARE_VERSION);
            return null;
        });
        withWrite.put("write", (System.nanoTime() - t0) / 1_000_000);
        return new CheckpointOutcome.Analysed(DriftEvents.summary(event, compared, config.configHash(), withWrite), drift);
    }

    /** Stores the probe set of the analysis (its own transaction; a no-op once stored). */
    @FunctionalInterface
    private interface ProbeSetWrite {
        void write() throws SQLException;
    }

    private CheckpointOutcome reject(CheckpointEvent event, CheckpointResolver.Unresolvable problem) throws SQLException {
        ledger.fail(event.eventId(), problem.reason() + " (" + problem.field() + "): " + problem.message());
        return new CheckpointOutcome.Rejected(problem);
    }
}
