package io.shiftwatch.testbed;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.testbed.internal.CliArgs;
import io.shiftwatch.testbed.training.BaseTraining;
import io.shiftwatch.testbed.training.FinetuneKeys;
import io.shiftwatch.testbed.training.Finetuning;
import io.shiftwatch.testbed.training.TrainingKeys;
import io.shiftwatch.testbed.internal.EvalCommand;
import io.shiftwatch.testbed.internal.ProbeCommand;
import io.shiftwatch.testbed.internal.RenderCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the testbed: {@code TestbedCli <subcommand> [--option value ...]}. Subcommands are
 * registered in {@link #SUBCOMMANDS} (name, usage, options, action), so new ones (train-base,
 * finetune) are one entry each. Exit code 0 on success, 2 on bad usage, 1 on failure.
 */
public final class TestbedCli {
    /** One subcommand: its usage line, accepted option names and action. */
    public record Subcommand(String usage, Set<String> options, Action action, ConfigSchema schema, ConfigAction configAction) {
        public Subcommand(String usage, Set<String> options, Action action) {
            this(usage, options, action, null, null);
        }

        /** A subcommand whose flags/environment/config file are parsed by {@link ConfigLoader} with {@code schema}. */
        public static Subcommand configured(String usage, ConfigSchema schema, ConfigAction action) {
            return new Subcommand(usage, Set.of(), null, schema, action);
        }
    }

    /** What a configured subcommand does with its parsed configuration. */
    @FunctionalInterface
    public interface ConfigAction {
        void run(Config config) throws Exception;
    }

    /** What a subcommand does with its parsed options. */
    @FunctionalInterface
    public interface Action {
        void run(CliArgs args) throws Exception;
    }

    static final Map<String, Subcommand> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("probe", new Subcommand(ProbeCommand.USAGE,
                Set.of("out", "samples", "seed", "image-size", "model", "id", "tasks"), ProbeCommand::run));
        SUBCOMMANDS.put("render", new Subcommand(RenderCommand.USAGE,
                Set.of("out", "count", "seed", "image-size", "scale"), RenderCommand::run));
        SUBCOMMANDS.put("eval", new Subcommand(EvalCommand.USAGE,
                Set.of("model", "out", "seed", "eval-captions", "eval-questions", "threads"), EvalCommand::run));
        SUBCOMMANDS.put("finetune", Subcommand.configured(Finetuning.USAGE, FinetuneKeys.SCHEMA, Finetuning::run));
        SUBCOMMANDS.put("train-base", Subcommand.configured(BaseTraining.USAGE, TrainingKeys.TRAIN_BASE, BaseTraining::run));
    }

    private TestbedCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            printHelp();
            if (args.length == 0) System.exit(2);
            return;
        }
        Subcommand command = SUBCOMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("unknown subcommand '" + args[0] + "'");
            printHelp();
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            System.out.println("usage: " + command.usage());
            return;
        }
        try {
            if (command.schema() == null) command.action().run(CliArgs.parse(args[0], rest, command.options()));
            else runConfigured(args[0], command, rest);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nusage: " + command.usage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            System.exit(1);
        }
    }

    private static void runConfigured(String name, Subcommand command, List<String> rest) throws Exception {
        switch (ConfigLoader.load(command.schema(), rest, System.getenv())) {
            case ConfigParse.Parsed parsed -> command.configAction().run(parsed.config());
            case ConfigParse.Problems problems -> throw new IllegalArgumentException(name + ": " + problems.report()
                    + "\n" + ConfigLoader.withConfigFile(command.schema()).helpTable());
        }
    }

    private static void printHelp() {
        System.out.println("usage: TestbedCli <subcommand> [options]; subcommands:");
        SUBCOMMANDS.values().forEach(c -> System.out.println("  " + c.usage()));
    }
}
