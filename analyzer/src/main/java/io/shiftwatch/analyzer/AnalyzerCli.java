package io.shiftwatch.analyzer;

import io.shiftwatch.analyzer.comparison.ComparisonOutcome;
import io.shiftwatch.analyzer.comparison.ConceptMetrics;
import io.shiftwatch.analyzer.comparison.TargetComparison;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.analyzer.steering.SteerCommand;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the analyzer module: {@code analyze} (offline, files out) and {@code analyzer}
 * (the Kafka service). Exit codes: 0 done, 1 the analysis failed (the message says why), 2 usage.
 */
public final class AnalyzerCli {
    static final ConfigKey<Path> BASE = ConfigKey.of("base", ConfigType.PATH, "base model checkpoint folder").asRequired();
    static final ConfigKey<Path> CHECKPOINT = ConfigKey.of("checkpoint", ConfigType.PATH, "fine-tuned checkpoint folder").asRequired();
    static final ConfigKey<Path> PROBE = ConfigKey.of("probe", ConfigType.PATH, "probe set folder (probe.json + images.bin)").asRequired();
    static final ConfigKey<Path> OUT = ConfigKey.of("out", ConfigType.PATH, "output folder (concepts.json, metrics.json, *.npy)").asRequired();
    static final ConfigSchema ANALYZE = AnalyzerSettings.SCHEMA.plus(BASE, CHECKPOINT, PROBE, OUT);

    private AnalyzerCli() {
    }

    public static void main(String[] argv) {
        List<String> args = Arrays.asList(argv);
        String command = args.isEmpty() ? "--help" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        int code = switch (command) {
            case "analyze" -> analyze(rest);
            case "analyzer" -> AnalyzerServiceMain.run(rest);
            case "steer" -> SteerCommand.run(rest);
            default -> {
                System.out.println("usage: shiftwatch analyze --base DIR --checkpoint DIR --probe DIR --out DIR [options]\n"
                        + "       shiftwatch analyzer [options]   (the Kafka service)\n"
                        + "       shiftwatch steer compute|evaluate|apply|table|remediate ...   (steering vectors)\n"
                        + "'shiftwatch analyze --help' lists every option.");
                yield command.equals("--help") || command.equals("-h") ? 0 : 2;
            }
        };
        System.exit(code);
    }

    private static int analyze(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("usage: shiftwatch analyze --base DIR --checkpoint DIR --probe DIR --out DIR [options]\n\n"
                    + "Analyses one checkpoint against its base (PAPER.md §1-4) without Kafka or a database.\n\n"
                    + ConfigLoader.withConfigFile(ANALYZE).helpTable());
            return 0;
        }
        Config config;
        switch (ConfigLoader.load(ANALYZE, args, System.getenv())) {
            case ConfigParse.Parsed parsed -> config = parsed.config();
            case ConfigParse.Problems problems -> {
                System.err.println(problems.report());
                return 2;
            }
        }
        var analysis = AnalysisConfig.from(config, List.of(), List.of());
        var bar = new ProgressBar(System.err, System.console() != null);
        try {
            ComparisonOutcome outcome = OfflineAnalysis.run(config.get(BASE), config.get(CHECKPOINT), config.get(PROBE),
                    config.get(OUT), analysis, config.get(AnalyzerSettings.CACHE_DIR), bar);
            bar.finish();
            return switch (outcome) {
                case ComparisonOutcome.Compared compared -> {
                    printSummary(compared);
                    System.out.println("wrote " + config.get(OUT).resolve("metrics.json") + " and concepts.json, *.npy");
                    yield 0;
                }
                case ComparisonOutcome.Failed failed -> {
                    System.err.println("analysis failed (" + failed.reason() + ", " + failed.field() + "): " + failed.message());
                    yield 1;
                }
            };
        } catch (Exception e) {
            bar.finish();
            System.err.println("analysis failed: " + e.getMessage());
            return 1;
        }
    }

    private static void printSummary(ComparisonOutcome.Compared compared) {
        System.out.printf("%-10s %5s %4s %6s %8s %8s %8s %8s  %s%n", "target", "layer", "k", "pairs", "meanTOv",
                "minTOv", "meanCos", "emergent", "coarse shift words");
        for (TargetComparison t : compared.targets()) {
            var metrics = t.report().concepts().stream().map(d -> ConceptMetrics.of(d, t.nullCalibration())).toList();
            double meanT = metrics.stream().mapToDouble(ConceptMetrics::tOverlap).filter(Double::isFinite).average().orElse(Double.NaN);
            double minT = metrics.stream().mapToDouble(ConceptMetrics::tOverlap).filter(Double::isFinite).min().orElse(Double.NaN);
            double meanC = metrics.stream().mapToDouble(ConceptMetrics::cosine).filter(Double::isFinite).average().orElse(Double.NaN);
            System.out.printf("%-10s %5d %4d %6d %8.3f %8.3f %8.3f %8d  %s%n", t.target(), t.layer(), t.effectiveK(),
                    t.pairedSampleIds().size(), meanT, minT, meanC, t.report().emergent().size(),
                    String.join(" ", t.report().coarseShift().words().words().stream().limit(8).toList()));
        }
        compared.skipped().forEach(s -> System.out.println("skipped " + s));
        System.out.println("stage ms: " + compared.stageMillis());
    }
}
