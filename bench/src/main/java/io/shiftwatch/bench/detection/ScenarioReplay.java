package io.shiftwatch.bench.detection;

import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.comparison.BaseConcepts;
import io.shiftwatch.analyzer.comparison.CheckpointComparison;
import io.shiftwatch.analyzer.comparison.ComparisonFiles;
import io.shiftwatch.analyzer.comparison.ComparisonOutcome;
import io.shiftwatch.analyzer.comparison.DriftEvents;
import io.shiftwatch.analyzer.extraction.BaseActivationCache;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ProbeSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Analyses every checkpoint of one fine-tuning run folder (the testbed's {@code step-<n>/} layout) against
 * its base, exactly as the analyzer service does ({@link CheckpointComparison} → {@link DriftEvents}), and
 * returns the drift events in step order. Each checkpoint's outputs are also written with
 * {@link ComparisonFiles} under {@code out/step-<n>/} so the numbers can be checked by other tools.
 */
public final class ScenarioReplay {
    private final AnalysisConfig config;
    private final CheckpointComparison comparison;

    /** File of each analysed checkpoint's drift events (one JSON record per line) under {@code out/step-<n>/}. */
    static final String EVENTS = "drift-events.jsonl";
    private final boolean reuse;

    /**
     * With {@code reuse}, a checkpoint whose {@link #EVENTS} file exists under the output folder is not
     * analysed again: its saved events are replayed (no stage timings then) — for re-scoring with other
     * auditor bounds.
     */
    public ScenarioReplay(AnalysisConfig config, Path activationCache, boolean reuse) {
        this.config = config;
        this.reuse = reuse;
        this.comparison = new CheckpointComparison(config, new BaseActivationCache(activationCache), new BaseConcepts(64));
    }

    /** One analysed checkpoint: its step, events and stage timings. */
    public record AnalysedCheckpoint(long step, List<ConceptDriftEvent> events, Map<String, Long> stageMillis,
                                     List<String> skipped) {
    }

    public List<AnalysedCheckpoint> replay(String runId, ModelAdapter base, Path baseDir, List<ProbeSample> probes,
                                           Path runDir, Path out, ExtractionProgress progress) throws IOException {
        List<AnalysedCheckpoint> analysed = new ArrayList<>();
        AdapterOptions options = AdapterOptions.defaults().withBatchSize(config.batchSize());
        for (Path dir : checkpoints(runDir)) {
            long step = Long.parseLong(dir.getFileName().toString().substring("step-".length()));
            Path saved = out.resolve(dir.getFileName()).resolve(EVENTS);
            if (reuse && Files.exists(saved)) {
                analysed.add(new AnalysedCheckpoint(step, readEvents(saved), Map.of(), List.of()));
                continue;
            }
            try (ModelAdapter checkpoint = ModelAdapters.open(dir, ModelFormat.TESTBED, options)) {
                switch (comparison.compare(base, checkpoint, probes, progress)) {
                    case ComparisonOutcome.Compared compared -> {
                        ComparisonFiles.write(out.resolve(dir.getFileName()), compared, config);
                        CheckpointEvent event = event(runId, step, baseDir, dir);
                        List<ConceptDriftEvent> events = DriftEvents.of(event, compared, config.configHash());
                        writeEvents(saved, events);
                        analysed.add(new AnalysedCheckpoint(step, events, compared.stageMillis(), compared.skipped()));
                    }
                    case ComparisonOutcome.Failed failed -> throw new IOException("checkpoint " + dir
                            + " could not be analysed: " + failed.message());
                }
            }
        }
        return analysed;
    }

    private static void writeEvents(Path file, List<ConceptDriftEvent> events) throws IOException {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append(Codecs.CONCEPT_DRIFT_EVENT.writeString(e)).append('\n'));
        Files.writeString(file, b);
    }

    private static List<ConceptDriftEvent> readEvents(Path file) throws IOException {
        List<ConceptDriftEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            switch (Codecs.CONCEPT_DRIFT_EVENT.read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                case ReadResult.Valid<ConceptDriftEvent> v -> events.add(v.value());
                case ReadResult.Invalid<ConceptDriftEvent> i -> throw new IOException(file + " holds an invalid drift event ("
                        + i.message() + "); delete it to analyse that checkpoint again");
            }
        }
        return events;
    }

    /** The run's checkpoint folders in step order. */
    static List<Path> checkpoints(Path runDir) throws IOException {
        try (Stream<Path> s = Files.list(runDir)) {
            List<Path> dirs = s.filter(p -> p.getFileName().toString().matches("step-\\d+")
                            && Files.exists(p.resolve("manifest.json")))
                    .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(5))))
                    .toList();
            if (dirs.isEmpty()) throw new IOException("no step-<n>/ checkpoint folders with a manifest.json in " + runDir);
            return dirs;
        }
    }

    private static CheckpointEvent event(String runId, long step, Path baseDir, Path dir) {
        return CheckpointEvent.of(runId, step, Instant.EPOCH,
                new CheckpointEvent.BaseModel("testbed-base", baseDir.toUri().toString(), io.shiftwatch.ingest.ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(dir.toUri().toString(), io.shiftwatch.ingest.ModelFormat.TESTBED, null),
                new CheckpointEvent.ProbeSet("drift-v1", null), List.of(), List.of(), CheckpointEvent.TrainerMetadata.NONE);
    }
}
