package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code shiftwatch steer compute|evaluate|apply|table ...}: the command line of steering. Exit codes:
 * 0 done, 1 the work failed (the message says why and that nothing was written), 2 usage.
 */
public final class SteerCommand {
    static final String USAGE = """
            usage: shiftwatch steer compute  --model DIR --probe DIR --source W --target W [--answer-type T] [--kind coarse|fine] [--reference DIR] [--out FILE] [--db]
                   shiftwatch steer evaluate --model DIR --probe DIR (--vector FILE | --db --id ID) [--alphas 0.25,0.5,1,2,4,8] [--tolerance 2]
                   shiftwatch steer apply    --model DIR --probe DIR (--vector FILE | --db --id ID) [--alpha A] [--limit N]
                   shiftwatch steer table    vqa|caption|alpha|debias --model DIR --probe DIR ... (see 'steer table --help')
                   shiftwatch steer remediate --run R --probe DIR [--wait-for FILE] (a debiasing vector per BIAS_ABSORBING finding, stored for the report)
            'shiftwatch steer <subcommand> --help' lists every option.""";

    private SteerCommand() {
    }

    /** Runs one subcommand; returns the exit code. */
    public static int run(List<String> args) {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")) {
            System.out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "compute" -> configured("compute", "Computes a coarse or fine steering vector (PAPER.md §6).", SteerKeys.COMPUTE, rest, SteerCompute::run);
            case "evaluate" -> configured("evaluate", "Sweeps alpha, measures the effect and picks alpha within the tolerance.", SteerKeys.EVALUATE, rest, SteerEvaluate::evaluate);
            case "apply" -> configured("apply", "Generates with the vector applied and prints outputs before/after.", SteerKeys.APPLY, rest, SteerEvaluate::apply);
            case "table" -> SteeringTables.run(rest);
            case "remediate" -> configured("remediate", "Computes, measures and stores a debiasing vector for every open BIAS_ABSORBING finding of a run.",
                    RemediateKeys.SCHEMA, rest, SteerRemediate::run);
            default -> {
                System.err.println("unknown steer subcommand '" + args.getFirst() + "'\n" + USAGE);
                yield 2;
            }
        };
    }

    /** The work of one subcommand on its parsed configuration; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(Config config, ProgressBar bar) throws Exception;
    }

    static int configured(String name, String what, ConfigSchema schema, List<String> args, Work work) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("usage: shiftwatch steer " + name + " [options]\n\n" + what + "\n\n"
                    + ConfigLoader.withConfigFile(schema).helpTable());
            return 0;
        }
        Config config;
        switch (ConfigLoader.load(schema, args, System.getenv())) {
            case ConfigParse.Parsed parsed -> config = parsed.config();
            case ConfigParse.Problems problems -> {
                System.err.println(problems.report());
                return 2;
            }
        }
        var bar = new ProgressBar(System.err, System.console() != null);
        try {
            int code = work.run(config, bar);
            bar.finish();
            return code;
        } catch (IllegalArgumentException e) {
            bar.finish();
            System.err.println("steer " + name + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            bar.finish();
            System.err.println("steer " + name + " failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
    }

    /** The probes of {@code --probe}, the first {@code --limit} of them when set. */
    static ProbeSet probeSet(Config config) throws IOException {
        return ProbeSetFiles.read(config.get(SteerKeys.PROBE));
    }

    static List<Probe> probes(Config config, ProbeSet set) {
        List<Probe> all = Probe.of(set);
        int limit = config.get(SteerKeys.LIMIT);
        return limit == 0 || limit >= all.size() ? all : all.subList(0, limit);
    }

    static ModelAdapter open(java.nio.file.Path dir, Config config) {
        return ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults().withBatchSize(config.get(SteerKeys.BATCH)));
    }

    static ProbeRunner runner(Config config) {
        return new ProbeRunner(config.get(SteerKeys.MAX_NEW_TOKENS), config.get(SteerKeys.BATCH));
    }

    static SteeringStore store(Config config) {
        return new SteeringStore(Database.dataSource(DatabaseConfig.fromEnvironment()));
    }

    /** The goal from flags, falling back to the vector's provenance ({@code goal.*} entries). */
    static SteeringGoal goal(Config config, Map<String, String> provenance) {
        String type = config.optional(SteerKeys.ANSWER_TYPE).orElse(provenance.get("goal.answerType"));
        if (type == null) throw new IllegalArgumentException("the goal needs --answer-type (yes/no, number, colour, other or caption)");
        String source = config.optional(SteerKeys.SOURCE).orElse(provenance.get("goal.source"));
        String target = config.optional(SteerKeys.TARGET).orElse(provenance.get("goal.target"));
        if (source == null || target == null)
            throw new IllegalArgumentException("the goal needs --source and --target words (e.g. --source yes --target no)");
        List<String> scope = config.get(SteerKeys.SCOPE);
        Map<String, String> s = scope.isEmpty() && provenance.containsKey("goal.scope")
                ? SteerKeys.scope(List.of(provenance.get("goal.scope").split(","))) : SteerKeys.scope(scope);
        if (s.size() == 1 && s.containsKey("")) s = Map.of();
        return new SteeringGoal(type, s, source, target);
    }

    /** Provenance entries that describe a goal. */
    static Map<String, String> goalProvenance(SteeringGoal goal) {
        Map<String, String> m = new TreeMap<>();
        m.put("goal.answerType", goal.answerType());
        m.put("goal.source", goal.source());
        m.put("goal.target", goal.target());
        if (!goal.scope().isEmpty())
            m.put("goal.scope", String.join(",", new TreeMap<>(goal.scope()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return m;
    }

    static void save(Config config, SteeringVector v, java.nio.file.Path file) throws IOException, SQLException {
        if (file != null) {
            SteeringFiles.write(file, v);
            System.out.println("wrote " + file);
        }
        if (config.get(SteerKeys.DB)) System.out.println("stored steering vector " + store(config).save(v) + " in the database");
    }
}
