package io.shiftwatch.auditor.report;

import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./shiftwatch report --run R --out FILE.html|FILE.pdf [--probe-dir DIR] [--db-url ...]}: loads the
 * run's {@link ReportModel} in one read-only transaction and writes it as HTML or PDF (by the file's
 * extension). The file is written to a temporary sibling and renamed into place, so a failed run never
 * leaves a partial report. Exit codes: 0 written, 1 the run is unknown or the database/file failed,
 * 2 usage problems.
 */
public final class ReportCli {
    private ReportCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.println(usage());
            return 0;
        }
        Optional<String> runId = flag(args, "--run"), target = flag(args, "--out");
        Optional<String> probeDir = flag(args, "--probe-dir");
        if (runId.isEmpty() || target.isEmpty() || format(target.get()) == null) {
            err.println("report needs --run R and --out FILE ending in .html or .pdf; nothing was written\n" + usage());
            return 2;
        }
        DatabaseConfig db;
        try {
            db = DatabaseConfig.resolve(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            var model = ReportLoader.load(Database.dataSource(db), runId.get(), probeDir.map(Path::of).orElse(null));
            if (model.isEmpty()) {
                err.println("no run \"" + runId.get() + "\" in " + db.url() + "; nothing was written");
                return 1;
            }
            Path file = Path.of(target.get());
            write(file, render(model.get(), format(target.get())));
            out.println("report of run " + runId.get() + " written to " + file + " (" + model.get().findings().size()
                    + " findings, SHA-256 of its data " + ReportDigest.of(model.get()) + ")");
            return 0;
        } catch (SQLException e) {
            err.println("reading run " + runId.get() + " from " + db.url() + " failed: " + e.getMessage()
                    + "; nothing was written");
            return 1;
        } catch (IOException e) {
            err.println("writing " + target.get() + " failed: " + e.getMessage() + "; no report file was left behind");
            return 1;
        }
    }

    /** "html" or "pdf" by the file name's extension, null for anything else. */
    static String format(String file) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".html") ? "html" : lower.endsWith(".pdf") ? "pdf" : null;
    }

    static byte[] render(ReportModel model, String format) {
        return format.equals("pdf") ? PdfReport.render(model) : HtmlReport.render(model).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<String> flag(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) return Optional.of(args.get(i + 1));
            if (args.get(i).startsWith(name + "=")) return Optional.of(args.get(i).substring(name.length() + 1));
        }
        return Optional.empty();
    }

    private static String usage() {
        return """
                usage: shiftwatch report --run R --out FILE.html|FILE.pdf [--probe-dir DIR]
                                         [--db-url URL --db-user U --db-password P]
                  Compliance report of run R: identity and hashes, probe set, configuration, checkpoint timeline,
                  per-concept evolution, findings with evidence and thumbnails, acknowledgements, audit-chain check.
                  --probe-dir   probe set folder for thumbnails (default: the registered probe set's uri)
                  database      SHIFTWATCH_DB_URL / _USER / _PASSWORD or the --db-* flags""";
    }
}
