package io.shiftwatch.bench.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.AnalyzerSettings;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.AuditorSettings;
import io.shiftwatch.bench.detection.DetectionScore.Detection;
import io.shiftwatch.bench.detection.DetectionScore.PlantedChange;
import io.shiftwatch.bench.detection.DetectionScore.RunScore;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.probe.ProbeSetFiles;
import io.shiftwatch.testbed.scenario.GroundTruth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./shiftwatch bench detection}: how well Shiftwatch detects what the testbed scenarios planted.
 * Every checkpoint of every given run is analysed as the analyzer service would, the drift events go
 * through the auditor's real topology, and the resulting alerts are scored against each run's
 * {@code ground-truth.json} ({@link DetectionScore}): per scenario and finding type, precision, recall
 * and detection delay in checkpoints. Prints a table and writes {@code detection.json} to {@code --out}.
 */
public final class DetectionBench {
    static final ConfigKey<Path> BASE = ConfigKey.of("base", ConfigType.PATH, "base model folder").asRequired();
    static final ConfigKey<Path> PROBE = ConfigKey.of("probe", ConfigType.PATH, "drift probe set folder").asRequired();
    static final ConfigKey<List<Path>> RUNS = ConfigKey.of("runs", ConfigType.PATH_LIST,
            "fine-tuning run folders (step-<n>/ checkpoints + ground-truth.json), comma-separated").asRequired();
    static final ConfigKey<Path> OUT = ConfigKey.of("out", ConfigType.PATH, "output folder").asRequired();
    static final ConfigKey<Boolean> REUSE = ConfigKey.of("reuse-events", ConfigType.BOOLEAN,
            "replay the drift events saved by an earlier run under --out instead of analysing again (re-scores with "
                    + "the current auditor bounds; no stage timings)").withDefault(false);
    static final ConfigSchema SCHEMA = AnalyzerSettings.SCHEMA.plus(BASE, PROBE, RUNS, OUT, REUSE);

    private DetectionBench() {
    }

    public static int main(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.contains("--help")) {
            out.println("usage: shiftwatch bench detection --base DIR --probe DIR --runs DIR[,DIR...] --out DIR [analyzer options]\n\n"
                    + ConfigLoader.withConfigFile(SCHEMA).helpTable());
            return 0;
        }
        Config config;
        switch (ConfigLoader.load(SCHEMA, args, System.getenv())) {
            case ConfigParse.Parsed parsed -> config = parsed.config();
            case ConfigParse.Problems problems -> {
                err.println(problems.report() + "\nnothing was run; see --help");
                return 2;
            }
        }
        AuditorConfig auditor = switch (ConfigLoader.load(AuditorSettings.SCHEMA, List.of(), System.getenv())) {
            case ConfigParse.Parsed parsed -> AuditorSettings.auditorConfig(parsed.config());
            case ConfigParse.Problems problems -> throw new IllegalStateException(problems.report());
        };
        AnalysisConfig analysis = AnalysisConfig.from(config, List.of(), List.of());
        Path outDir = Files.createDirectories(config.get(OUT));
        var probes = ProbeSetFiles.read(config.get(PROBE)).samples();
        List<RunScore> scores = new ArrayList<>();
        Map<String, Object> runs = new LinkedHashMap<>();
        var replay = new ScenarioReplay(analysis, config.get(AnalyzerSettings.CACHE_DIR), config.get(REUSE));
        var options = AdapterOptions.defaults().withBatchSize(analysis.batchSize());
        try (ModelAdapter base = ModelAdapters.open(config.get(BASE), ModelFormat.TESTBED, options)) {
            for (Path run : config.get(RUNS)) {
                GroundTruth truth = GroundTruth.fromJson(Files.readString(run.resolve("ground-truth.json")));
                String name = run.getFileName().toString();
                err.println("bench detection: " + name + " (" + truth.scenario() + ")");
                var analysed = replay.replay(name, base, config.get(BASE), probes, run, outDir.resolve(name),
                        new ProgressBar(err, System.console() != null));
                List<List<ConceptDriftEvent>> events = analysed.stream().map(ScenarioReplay.AnalysedCheckpoint::events).toList();
                List<Detection> detections = AlertReplay.detections(auditor, events, outDir.resolve("streams-state").resolve(name));
                List<PlantedChange> planted = truth.changes().stream()
                        .map(c -> new PlantedChange(c.concept(), DetectionScore.expectedFor(c.kind().name()))).toList();
                RunScore score = DetectionScore.score(truth.scenario(), analysed.size(), planted, detections);
                scores.add(score);
                runs.put(name, Map.of("scenario", truth.scenario(), "score", score, "detections", detections,
                        "checkpoints", analysed.stream().map(a -> Map.of("step", a.step(), "stageMillis", a.stageMillis(),
                                "skipped", a.skipped(), "events", a.events().size())).toList()));
            }
        }
        DetectionTable.print(out, scores);
        var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(outDir.resolve("detection.json").toFile(), Map.of("runs", runs, "total", DetectionScore.total(scores)));
        out.println("wrote " + outDir.resolve("detection.json"));
        return 0;
    }
}
