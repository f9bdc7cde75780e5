package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.DashboardServer;
import io.shiftwatch.dashboards.DashboardsSettings;
import io.shiftwatch.ingest.Secret;
import io.shiftwatch.migrations.ConnectionPool;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.Migrator;
import io.shiftwatch.migrations.ScratchDatabase;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code dashboards bench}: page-load times over loopback for a synthetic run of N checkpoints x K concepts
 * in a throwaway database. A "page load" is every request the page makes (HTML, JS, CSS, its API JSON),
 * sequentially; the baseline in the same run is the static files alone. Prints median and p95 of each.
 */
public final class DashboardsBench {
    private DashboardsBench() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        int checkpoints = flag(args, "--checkpoints", 50), concepts = flag(args, "--concepts", 20), requests = flag(args, "--requests", 30);
        DatabaseConfig server = DatabaseConfig.resolve(args, env);
        try (ScratchDatabase scratch = ScratchDatabase.create(server, "sw_bench")) {
            DatabaseConfig db = scratch.config;
            String name = scratch.name();
            Migrator.migrate(db);
            var run = new SyntheticRun("bench-run", checkpoints, concepts, 42);
            out.printf("writing a synthetic run: %d checkpoints x %d concepts into %s%n", checkpoints, concepts, name);
            Database.inTransaction(Database.dataSource(db), c -> { run.write(c); return null; });
            String token = UUID.randomUUID().toString();
            double[] pooledRunPage;
            try (ConnectionPool pool = ConnectionPool.open(db, "dashboards-bench", 8);
                 DashboardServer dash = DashboardServer.start("127.0.0.1", 0, pool.dataSource(),
                    new DashboardsSettings.Tokens(new Secret(token), null), List.of(), new LiveHub(), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + dash.port();
                List<String> statics = List.of("/", "/app.js", "/app.css");
                String concept = "/api/runs/bench-run/concepts/" + SyntheticRun.TARGET + "/" + SyntheticRun.LAYER + "/0";
                report(out, "static files only (baseline)", time(base, token, statics, requests, out), null);
                double[] baseline = time(base, token, statics, requests, null);
                report(out, "runs list page", time(base, token, concat(statics, "/api/runs"), requests, null), baseline);
                pooledRunPage = time(base, token, concat(statics, "/api/runs/bench-run"), requests, null);
                report(out, "run page", pooledRunPage, baseline);
                report(out, "concept page", time(base, token, concat(statics, concept), requests, null), baseline);
                report(out, "search page (word)", time(base, token, concat(statics, "/api/search?word=woman"), requests, null), baseline);
            }
            // The same page served without a pool (a new connection per request, as before 2026-12-01 session 4).
            try (DashboardServer dash = DashboardServer.start("127.0.0.1", 0, Database.dataSource(db),
                    new DashboardsSettings.Tokens(new Secret(token), null), List.of(), new LiveHub(), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + dash.port();
                List<String> page = List.of("/", "/app.js", "/app.css", "/api/runs/bench-run");
                report(out, "run page, new connection per request (ratio to pooled)", time(base, token, page, requests, null), pooledRunPage);
            }
            return 0;
        }
    }

    private static List<String> concat(List<String> a, String b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
    }

    private static double[] time(String base, String token, List<String> paths, int requests, PrintStream progress) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int w = 0; w < 5; w++) load(client, base, token, paths); // warm-up (JIT, plans)
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            load(client, base, token, paths);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void load(HttpClient client, String base, String token, List<String> paths) throws Exception {
        for (String p : paths) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base + p)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(p + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
    }

    private static void report(PrintStream out, String what, double[] ms, double[] baseline) {
        double median = ms[ms.length / 2], p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
        out.println(String.format(Locale.ROOT, "%-30s median %7.2f ms  p95 %7.2f ms%s", what, median, p95,
                baseline == null ? "" : String.format(Locale.ROOT, "  (%.1fx baseline)", median / baseline[baseline.length / 2])));
    }

    private static int flag(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }
}
