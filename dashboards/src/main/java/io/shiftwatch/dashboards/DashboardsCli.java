package io.shiftwatch.dashboards;

import io.shiftwatch.dashboards.internal.DashboardsBench;
import io.shiftwatch.dashboards.internal.LiveFeed;
import io.shiftwatch.dashboards.internal.LiveHub;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.migrations.ConnectionPool;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.Migrator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./shiftwatch dashboards [flags]} serves the web UI and JSON API until SIGTERM;
 * {@code ./shiftwatch dashboards bench [--checkpoints N --concepts K --requests R]} measures page loads on a
 * synthetic run in a throwaway database. Exit codes: 0 done, 1 failed, 2 usage or configuration problems.
 */
public final class DashboardsCli {
    private DashboardsCli() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null)
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.getFirst().equals("bench")) return DashboardsBench.run(args.subList(1, args.size()), env, out, err);
        if (args.contains("--help")) {
            out.println("usage: shiftwatch dashboards [flags]   |   shiftwatch dashboards bench [--checkpoints 50"
                    + " --concepts 20 --requests 30]\n  database: --db-url/--db-user/--db-password or SHIFTWATCH_DB_*\n\n"
                    + ConfigLoader.withConfigFile(DashboardsSettings.SCHEMA).helpTable());
            return 0;
        }
        Config config;
        switch (ConfigLoader.load(DashboardsSettings.SCHEMA, withoutDatabaseFlags(args), env)) {
            case ConfigParse.Parsed parsed -> config = parsed.config();
            case ConfigParse.Problems problems -> {
                err.println(problems.report());
                return 2;
            }
        }
        DatabaseConfig db;
        try {
            db = DatabaseConfig.resolve(args, env);
            Migrator.migrate(db);
        } catch (RuntimeException e) {
            err.println("dashboards cannot start: " + e.getMessage());
            return 1;
        }
        return serve(config, db, out);
    }

    private static int serve(Config config, DatabaseConfig db, PrintStream out) throws Exception {
        LiveHub hub = new LiveHub();
        LiveFeed feed = config.get(DashboardsSettings.LIVE)
                ? new LiveFeed(config.get(IngestSettings.BOOTSTRAP_SERVERS), IngestSettings.topics(config), hub) : null;
        CountDownLatch stop = new CountDownLatch(1);
        try (ConnectionPool pool = ConnectionPool.open(db, "shiftwatch-dashboards", 8);
             DashboardServer server = DashboardServer.start(config.get(DashboardsSettings.BIND), config.get(DashboardsSettings.PORT),
                pool.dataSource(), DashboardsSettings.Tokens.of(config), config.get(DashboardsSettings.PROBE_DIRS), hub,
                Clock.systemUTC())) {
            if (feed != null) {
                // the feed subscribes before the analyzer may have created the topics: create them (idempotent)
                TopicAdmin.ensureTopics(config.get(IngestSettings.BOOTSTRAP_SERVERS), IngestSettings.topics(config).allNames(),
                        config.get(IngestSettings.TOPIC_PARTITIONS), config.get(IngestSettings.TOPIC_REPLICATION_FACTOR).shortValue(),
                        Duration.ofSeconds(30));
                feed.start();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "dashboards-shutdown"));
            String host = config.get(DashboardsSettings.BIND).equals("0.0.0.0") ? "localhost" : config.get(DashboardsSettings.BIND);
            out.println("dashboards: http://" + host + ":" + server.port() + "/  (sign in with the token in "
                    + DashboardsSettings.TOKEN.envName() + "; acknowledging needs " + DashboardsSettings.ACK_TOKEN.envName()
                    + (config.optional(DashboardsSettings.ACK_TOKEN).isPresent() ? ")" : ", which is not set)")
                    + "\n  live updates: " + (feed == null ? "off" : "Kafka " + config.get(IngestSettings.BOOTSTRAP_SERVERS))
                    + "; metrics: /metrics (bearer token)");
            stop.await();
        } finally {
            if (feed != null) feed.close();
        }
        return 0;
    }

    static List<String> withoutDatabaseFlags(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--db-url") || a.equals("--db-user") || a.equals("--db-password")) i++;
            else if (!a.startsWith("--db-url=") && !a.startsWith("--db-user=") && !a.startsWith("--db-password=")) out.add(a);
        }
        return out;
    }
}
