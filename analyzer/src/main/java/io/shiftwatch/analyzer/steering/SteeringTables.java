package io.shiftwatch.analyzer.steering;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code steer table vqa|caption|alpha|debias}: the paper's steering tables on one model, each from one
 * command. Vectors and alpha are chosen on a seeded search half of the probes and measured on the
 * held-out half. With {@code --doc FILE} the table replaces the file's
 * {@code <!-- steering-table:NAME -->...<!-- /steering-table:NAME -->} section (appended when absent),
 * stamped with the command, date and machine.
 */
final class SteeringTables {
    private SteeringTables() {
    }

    static int run(List<String> args) {
        String which = args.isEmpty() ? "--help" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (which) {
            case "vqa" -> SteerCommand.configured("table vqa", "VQA answer steering: per answer type accuracy before/after, answers removed/added.",
                    TableKeys.VQA, rest, (c, bar) -> AnswerTables.vqa(c, bar, command(args)));
            case "caption" -> SteerCommand.configured("table caption", "Caption steering: captions gain a place/colour word.",
                    TableKeys.VQA, rest, (c, bar) -> AnswerTables.caption(c, bar, command(args)));
            case "alpha" -> SteerCommand.configured("table alpha", "Large alpha degrades output: accuracy and repetition vs alpha.",
                    TableKeys.VQA, rest, (c, bar) -> AnswerTables.alpha(c, bar, command(args)));
            case "debias" -> SteerCommand.configured("table debias", "Debiasing after a bias run: coarse vs fine steering.",
                    TableKeys.DEBIAS, rest, (c, bar) -> DebiasTable.run(c, bar, command(args)));
            default -> {
                System.out.println("usage: shiftwatch steer table vqa|caption|alpha|debias --model DIR --probe DIR [--doc docs/steering.md] ...");
                yield which.equals("--help") ? 0 : 2;
            }
        };
    }

    private static String command(List<String> args) {
        return "./shiftwatch steer table " + String.join(" ", args);
    }

    /** Prints {@code body} and, when {@code doc} is set, writes it into the doc's section {@code name}. */
    static void publish(Path doc, String name, String command, String body) throws IOException {
        String stamped = "Command: `" + command + "`  \nDate: " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "; machine: " + machine() + "\n\n" + body;
        System.out.println(stamped);
        if (doc == null) return;
        String open = "<!-- steering-table:" + name + " -->", close = "<!-- /steering-table:" + name + " -->";
        String text = Files.exists(doc) ? Files.readString(doc) : "";
        int a = text.indexOf(open), b = text.indexOf(close);
        String section = open + "\n" + stamped + close;
        text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + close.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(doc, text);
        System.out.println("wrote section " + name + " of " + doc);
    }

    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return host + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version().feature() + ", load " + load();
    }

    /** The 1/5/15-minute load averages at the end of the run (the machine is shared), or "unknown". */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
