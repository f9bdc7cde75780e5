package io.shiftwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.dashboards.internal.Json;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API against a real throwaway PostgreSQL+pgvector database holding a real analysed testbed run ({@link RealRun}). */
class DashboardsApiIT {
    private static DashboardFixture fx;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fx = new DashboardFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(fx.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        var r = call("GET", path, DashboardFixture.READ_TOKEN, null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void theRunsListShowsTheRealRunWithItsLastStepAndOpenAlerts() throws Exception {
        // When
        JsonNode runs = get("/api/runs");

        // Then
        JsonNode run = runs.get(0);
        assertEquals(RealRun.RUN, run.get("runId").asText());
        assertEquals(RealRun.LAST_STEP, run.get("latestStep").asLong());
        assertEquals(RealRun.CHECKPOINTS, run.get("analysed").asInt());
        assertEquals(count("SELECT count(*) FROM findings WHERE state IN ('RAISED', 'UPDATED') AND severity = 'CRITICAL'"),
                run.at("/openAlerts/CRITICAL").asLong());
    }

    @Test
    void theRunPageHasEveryCheckpointAndFlagsThePlantedConcept() throws Exception {
        // When
        JsonNode run = get("/api/runs/" + RealRun.RUN);

        // Then
        assertEquals(RealRun.CHECKPOINTS, run.get("checkpoints").size());
        JsonNode planted = concept(run, fx.biasConcept);
        assertEquals(severityOf(fx.biasFinding), planted.get("flag").asText());
        assertEquals(RealRun.CHECKPOINTS, planted.get("points").size());
        assertTrue(run.get("coarseShifts").size() >= RealRun.CHECKPOINTS);
    }

    @Test
    void theConceptPageShowsTheBiasFindingTheBoundsAndRealProbeImages() throws Exception {
        // When
        JsonNode c = get("/api/runs/" + RealRun.RUN + "/concepts/" + fx.biasConcept);

        // Then
        assertTrue(c.get("findings").toString().contains("BIAS_ABSORBING"), c.get("findings").toString());
        assertEquals("t_overlap", c.get("bounds").get(0).get("metric").asText());
        assertTrue(c.at("/base/images").size() > 0);
        var png = HTTP.send(HttpRequest.newBuilder(URI.create(fx.base() + c.at("/base/images/0/url").asText()))
                .header("Authorization", "Bearer " + DashboardFixture.READ_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals(32, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth());
    }

    @Test
    void aSampleTheProbeSetLacksSaysTheImageIsNotAvailable() throws Exception {
        // When
        var r = call("GET", "/api/images/" + DashboardFixture.FOLDER_PROBE_SET + "/s9999.png", DashboardFixture.READ_TOKEN, null);

        // Then
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("image_not_available"), r.body());
    }

    @Test
    void aSampleOfAConfiguredProbeSetIsServedAsItsPng() throws Exception {
        // When
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/images/" + DashboardFixture.FOLDER_PROBE_SET + "/s0000.png"))
                .header("Authorization", "Bearer " + DashboardFixture.READ_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertEquals(200, r.statusCode());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
        assertEquals(4, image.getWidth());
        assertEquals(0xff0000, image.getRGB(2, 2) & 0xffffff);
    }

    @Test
    void aSampleOfAProbeSetKnownByAnotherHashIsServedFromTheConfiguredFolderThatHasIt() throws Exception {
        // When (the analyzer's probe-set digest is not probe.json's contentHash)
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/images/" + "cd".repeat(32) + "/s0000.png"))
                .header("Authorization", "Bearer " + DashboardFixture.READ_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertEquals(200, r.statusCode());
        assertEquals(0xff0000, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body())).getRGB(2, 2) & 0xffffff);
    }

    @Test
    void withoutATokenNothingIsServed() throws Exception {
        // When
        var r = call("GET", "/api/runs", "wrong-token-0000000000", null);

        // Then
        assertEquals(401, r.statusCode());
    }

    @Test
    void theReadTokenCannotAcknowledgeAndNothingIsWritten() throws Exception {
        // When
        var r = call("POST", "/api/findings/" + fx.biasFinding + "/acknowledge", DashboardFixture.READ_TOKEN,
                "{\"who\":\"eve\",\"why\":\"read only\"}");

        // Then
        assertEquals(403, r.statusCode());
        assertEquals(0, count("SELECT count(*) FROM acknowledgements WHERE who = 'eve'"));
    }

    @Test
    void theAckTokenAcknowledgesAndTheAuditLogHasTheRow() throws Exception {
        // Given
        String finding = fx.biasFinding;

        // When
        var r = call("POST", "/api/findings/" + finding + "/acknowledge", DashboardFixture.ACK_TOKEN,
                "{\"who\":\"alice\",\"why\":\"planted by the demo scenario\"}");

        // Then
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'ACKNOWLEDGED' AND actor = 'alice'"));
        assertEquals(1, count("SELECT count(*) FROM findings WHERE finding_id = '" + finding + "' AND state = 'ACKNOWLEDGED'"));
    }

    @Test
    void aBlankReasonIsRefusedWithAClearMessage() throws Exception {
        // When
        var r = call("POST", "/api/findings/" + fx.biasFinding + "/acknowledge", DashboardFixture.ACK_TOKEN,
                "{\"who\":\"bob\",\"why\":\"  \"}");

        // Then
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("why is required"), r.body());
    }

    @Test
    void searchByWordFindsGroundingConceptsAndNeighboursThroughTheHnswIndex() throws Exception {
        // When
        JsonNode r = get("/api/search?word=woman&k=5");

        // Then
        assertTrue(r.get("grounding").size() > 0);
        assertEquals(5, r.get("neighbours").size());
        try (Connection c = fx.db.connect(); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN " + VectorSearch.querySql(VectorTable.CONCEPTS, fx.dim)
                     .replace("?::vector(" + fx.dim + ")", "'[" + "1,".repeat(fx.dim - 1) + "1]'::vector(" + fx.dim + ")").replace("LIMIT ?", "LIMIT 5"))) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) text.append(plan.getString(1)).append('\n');
            assertTrue(text.toString().contains(VectorIndexes.indexName(VectorTable.CONCEPTS, fx.dim)), text.toString());
        }
    }

    @Test
    void metricsExposeDriftGaugesAndFindingCounts() throws Exception {
        // When
        var r = call("GET", "/metrics", DashboardFixture.READ_TOKEN, null);

        // Then
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("shiftwatch_findings{run=\"" + RealRun.RUN + "\",severity=\"" + severityOf(fx.biasFinding)
                + "\",state=\""), r.body());
        assertTrue(r.body().contains("shiftwatch_run_t_overlap_min{run=\"" + RealRun.RUN + "\"}"), r.body());
    }

    private static JsonNode concept(JsonNode run, String targetLayerConcept) {
        for (JsonNode c : run.get("concepts")) {
            if ((c.get("target").asText() + "/" + c.get("layer").asInt() + "/" + c.get("concept").asInt()).equals(targetLayerConcept)) return c;
        }
        throw new AssertionError("the run page has no concept " + targetLayerConcept);
    }

    private static String severityOf(String findingId) throws Exception {
        try (Connection c = fx.db.connect(); var p = c.prepareStatement("SELECT severity FROM findings WHERE finding_id = ?")) {
            p.setString(1, findingId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = fx.db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
