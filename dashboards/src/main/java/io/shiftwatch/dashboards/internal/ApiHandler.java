package io.shiftwatch.dashboards.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.shiftwatch.dashboards.DashboardsSettings.Permission;
import io.shiftwatch.migrations.Acknowledgements;
import io.shiftwatch.migrations.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * The JSON API under {@code /api}: read endpoints for any valid token, acknowledge only for the
 * acknowledge token. Every query is a prepared statement on a read-only connection; acknowledging is
 * one transaction through migrations' {@link Acknowledgements}.
 */
public final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int MAX_BODY = 16 * 1024, MAX_WHO = 200, MAX_WHY = 2000;
    private final DataSource db;
    private final Sessions sessions;
    private final ProbeImages images;
    private final LiveHub hub;
    private final Clock clock;

    public ApiHandler(DataSource db, Sessions sessions, ProbeImages images, LiveHub hub, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.images = images;
        this.hub = hub;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            route(ex, ex.getRequestURI().getRawPath().split("/"), sessions.permissionOf(ex));
        } catch (IllegalArgumentException e) {
            Exchanges.error(ex, 400, "bad_request", e.getMessage());
        } catch (SQLException e) {
            LOG.atError().setCause(e).addKeyValue("path", ex.getRequestURI().getPath()).log("database error answering a request");
            Exchanges.error(ex, 503, "database_unavailable", "the database could not answer (" + e.getSQLState()
                    + "); nothing was changed, try again");
        }
    }

    // parts: "", "api", resource, ...
    private void route(HttpExchange ex, String[] p, Permission who) throws IOException, SQLException {
        String method = ex.getRequestMethod();
        if (p.length == 3 && p[2].equals("session") && method.equals("POST")) {
            session(ex, who);
            return;
        }
        if (who == Permission.NONE) {
            Exchanges.error(ex, 401, "unauthorized", "present the dashboards token as 'Authorization: Bearer <token>'"
                    + " (SHIFTWATCH_DASHBOARDS_TOKEN) or sign in on the start page");
            return;
        }
        String resource = p.length > 2 ? p[2] : "";
        switch (resource) {
            case "runs" -> runs(ex, p);
            case "search" -> search(ex);
            case "images" -> image(ex, p);
            case "events" -> events(ex);
            case "findings" -> acknowledge(ex, p, who);
            default -> Exchanges.error(ex, 404, "not_found", "no API resource " + ex.getRequestURI().getPath());
        }
    }

    private void session(HttpExchange ex, Permission who) throws IOException {
        if (who == Permission.NONE) {
            Exchanges.error(ex, 401, "unauthorized", "the token was not accepted; no session was opened");
            return;
        }
        ex.getResponseHeaders().add("Set-Cookie", sessions.open(who));
        Exchanges.json(ex, 200, Map.of("permission", who.name()));
    }

    private void runs(HttpExchange ex, String[] p) throws IOException, SQLException {
        try (Connection c = readOnly()) {
            if (p.length == 3) {
                Exchanges.json(ex, 200, RunQueries.runs(c));
            } else if (p.length == 4) {
                String run = Exchanges.decode(p[3]);
                var detail = RunQueries.run(c, run);
                if (detail.isPresent()) Exchanges.json(ex, 200, detail.get());
                else Exchanges.error(ex, 404, "unknown_run", "no run " + run);
            } else if (p.length == 8 && p[4].equals("concepts")) {
                concept(ex, c, Exchanges.decode(p[3]), Exchanges.decode(p[5]), integer(p[6], "layer"), integer(p[7], "concept"));
            } else {
                Exchanges.error(ex, 404, "not_found", "no API resource " + ex.getRequestURI().getPath());
            }
        }
    }

    private void concept(HttpExchange ex, Connection c, String run, String target, int layer, int concept)
            throws IOException, SQLException {
        String step = Exchanges.query(ex).get("step");
        var detail = ConceptQueries.concept(c, run, target, layer, concept, step == null ? null : (long) integer(step, "step"));
        if (detail.isPresent()) Exchanges.json(ex, 200, detail.get());
        else Exchanges.error(ex, 404, "unknown_concept", "run " + run + " has no analysed base concept " + target + "/"
                + layer + "/" + concept + (step == null ? "" : " at step " + step));
    }

    private void search(HttpExchange ex) throws IOException, SQLException {
        Map<String, String> q = Exchanges.query(ex);
        int k = q.containsKey("k") ? integer(q.get("k"), "k") : 10;
        if (k < 1 || k > 100) throw new IllegalArgumentException("k must be within 1..100, got " + k);
        try (Connection c = readOnly()) {
            if (q.containsKey("concept")) {
                var result = SearchQueries.byConcept(c, integer(q.get("concept"), "concept"), k);
                if (result.isPresent()) Exchanges.json(ex, 200, result.get());
                else Exchanges.error(ex, 404, "unknown_concept", "no stored concept " + q.get("concept"));
            } else if (q.containsKey("word") && !q.get("word").isBlank()) {
                Exchanges.json(ex, 200, SearchQueries.byWord(c, q.get("word"), k));
            } else {
                throw new IllegalArgumentException("search needs ?word=WORD or ?concept=ID");
            }
        }
    }

    private void image(HttpExchange ex, String[] p) throws IOException, SQLException {
        if (p.length != 5 || !p[3].matches("[0-9a-f]{64}") || !p[4].endsWith(".png")) {
            Exchanges.error(ex, 404, "not_found", "images are /api/images/<probe-set-hash>/<sample-id>.png");
            return;
        }
        String sample = Exchanges.decode(p[4].substring(0, p[4].length() - 4));
        try (Connection c = readOnly()) {
            switch (images.image(c, p[3], sample)) {
                case ProbeImages.Png png -> Exchanges.bytes(ex, 200, "image/png", png.bytes());
                case ProbeImages.NotAvailable na -> Exchanges.error(ex, 404, "image_not_available", na.reason());
            }
        }
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        LiveHub.Listener listener = hub.open(ex.getResponseBody());
        try {
            listener.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private void acknowledge(HttpExchange ex, String[] p, Permission who) throws IOException, SQLException {
        if (p.length != 5 || !p[4].equals("acknowledge") || !ex.getRequestMethod().equals("POST")) {
            Exchanges.error(ex, 404, "not_found", "acknowledge with POST /api/findings/<finding-id>/acknowledge");
            return;
        }
        if (who != Permission.ACKNOWLEDGE) {
            Exchanges.error(ex, 403, "forbidden", "this token may read but not acknowledge; use the acknowledge token"
                    + " (SHIFTWATCH_DASHBOARDS_ACK_TOKEN). Nothing was written");
            return;
        }
        JsonNode body = body(ex);
        String whoText = text(body, "who", MAX_WHO), why = text(body, "why", MAX_WHY), finding = Exchanges.decode(p[3]);
        var outcome = Database.inTransaction(db, c -> Acknowledgements.acknowledge(c, finding, whoText, why, clock.instant()));
        switch (outcome) {
            case Acknowledgements.Acknowledged a -> {
                hub.publish("ack", Json.MAPPER.valueToTree(a).toString());
                Exchanges.json(ex, 200, a);
            }
            case Acknowledgements.UnknownFinding u -> Exchanges.error(ex, 404, "unknown_finding", u.message());
        }
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] raw = in.readNBytes(MAX_BODY + 1);
            if (raw.length > MAX_BODY) throw new IllegalArgumentException("request body over " + MAX_BODY + " bytes; nothing was written");
            JsonNode n = Json.tree(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
            if (!n.isObject()) throw new IllegalArgumentException("body must be a JSON object {\"who\": ..., \"why\": ...}; nothing was written");
            return n;
        }
    }

    private static String text(JsonNode body, String field, int max) {
        String v = body.path(field).asText("");
        if (v.isBlank()) throw new IllegalArgumentException(field + " is required (non-blank text); nothing was written");
        if (v.length() > max) throw new IllegalArgumentException(field + " is longer than " + max + " characters; nothing was written");
        return v;
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got \"" + text + "\"");
        }
    }

    private Connection readOnly() throws SQLException {
        Connection c = db.getConnection();
        c.setReadOnly(true);
        return c;
    }
}
