package io.shiftwatch.dashboards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shiftwatch.dashboards.DashboardsSettings.Permission;
import io.shiftwatch.dashboards.internal.ApiHandler;
import io.shiftwatch.dashboards.internal.Exchanges;
import io.shiftwatch.dashboards.internal.LiveHub;
import io.shiftwatch.dashboards.internal.ProbeImages;
import io.shiftwatch.dashboards.internal.PrometheusMetrics;
import io.shiftwatch.dashboards.internal.Sessions;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboards web server (JDK HttpServer, one virtual thread per request): the single-page UI as
 * static files from the classpath ({@code web/}), the JSON API under {@code /api}, live updates as
 * server-sent events on {@code /api/events}, and Prometheus metrics on {@code /metrics} (bearer token).
 * Reads go straight to PostgreSQL; there is no second copy of the data.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    private final HttpServer server;
    private final LiveHub hub;
    private final Sessions sessions;
    private final DataSource db;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dashboards-heartbeat").daemon().factory());
    private final Map<String, byte[]> staticFiles = new ConcurrentHashMap<>();

    /** Binds {@code bind:port} (port 0 = any free one) and starts serving. */
    public static DashboardServer start(String bind, int port, DataSource db, DashboardsSettings.Tokens tokens,
                                        List<Path> probeDirs, LiveHub hub, Clock clock) throws IOException {
        return new DashboardServer(bind, port, db, tokens, probeDirs, hub, clock);
    }

    private DashboardServer(String bind, int port, DataSource db, DashboardsSettings.Tokens tokens, List<Path> probeDirs,
                            LiveHub hub, Clock clock) throws IOException {
        this.hub = hub;
        this.db = db;
        this.sessions = new Sessions(tokens);
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/", new ApiHandler(db, sessions, new ProbeImages(probeDirs), hub, clock));
        server.createContext("/metrics", this::metrics);
        server.createContext("/", this::staticFile);
        server.start();
        heartbeat.scheduleAtFixedRate(hub::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LiveHub hub() {
        return hub;
    }

    private void metrics(HttpExchange ex) throws IOException {
        if (sessions.permissionOf(ex) == Permission.NONE) {
            Exchanges.error(ex, 401, "unauthorized", "scrape with 'Authorization: Bearer <SHIFTWATCH_DASHBOARDS_TOKEN>'");
            return;
        }
        try (Connection c = db.getConnection()) {
            c.setReadOnly(true);
            Exchanges.bytes(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    PrometheusMetrics.scrape(c).getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            Exchanges.error(ex, 503, "database_unavailable", "metrics need the database (" + e.getSQLState() + "); try again");
        }
    }

    private void staticFile(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[a-z0-9-]+\\.(html|js|css|svg)")) {
            Exchanges.error(ex, 404, "not_found", "no page " + path + "; the UI starts at /");
            return;
        }
        byte[] body = staticFiles.computeIfAbsent(name, DashboardServer::resource);
        if (body.length == 0) {
            Exchanges.error(ex, 404, "not_found", "no page " + path + "; the UI starts at /");
            return;
        }
        Exchanges.bytes(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardServer.class.getResourceAsStream("/web/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        hub.closeAll();
        server.stop(0);
    }
}
