package io.shiftwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.dashboards.internal.Json;
import io.shiftwatch.dashboards.internal.SyntheticRun;
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

/** The JSON API against a real throwaway PostgreSQL+pgvector database with a synthetic analysed run. */
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
    void theRunsListShowsLatestStepAndOpenAlertsBySeverity() throws Exception {
        // When
        JsonNode runs = get("/api/runs");

        // Then
        JsonNode run = runs.get(0);
        assertEquals(DashboardFixture.RUN, run.get("runId").asText());
        assertEquals(fx.run.step(DashboardFixture.CHECKPOINTS - 1), run.get("latestStep").asLong());
        assertEquals(1, run.at("/openAlerts/CRITICAL").asInt());
    }

    @Test
    void theRunPageHasEveryCheckpointAndFlagsThePlantedConcept() throws Exception {
        // When
        JsonNode run = get("/api/runs/" + DashboardFixture.RUN);

        // Then
        assertEquals(DashboardFixture.CHECKPOINTS, run.get("checkpoints").size());
        assertEquals(DashboardFixture.CONCEPTS, run.get("concepts").size());
        JsonNode planted = run.get("concepts").get(SyntheticRun.PLANTED);
        assertEquals("CRITICAL", planted.get("flag").asText());
        assertEquals(DashboardFixture.CHECKPOINTS, planted.get("points").size());
        assertTrue(run.get("concepts").get(5).get("flag").isNull());
        assertEquals(DashboardFixture.CHECKPOINTS, run.get("coarseShifts").size());
    }

    @Test
    void theConceptPageShowsAddedWordsAndTheMetricOutsideItsBound() throws Exception {
        // When
        JsonNode c = get("/api/runs/" + DashboardFixture.RUN + "/concepts/person/3/0?step=" + fx.run.step(DashboardFixture.CHECKPOINTS - 2));

        // Then
        assertTrue(c.at("/words/added").toString().contains("woman"), c.get("words").toString());
        assertTrue(c.at("/words/lost").size() > 0);
        JsonNode tOverlap = c.get("bounds").get(0);
        assertEquals("t_overlap", tOverlap.get("metric").asText());
        assertTrue(tOverlap.get("outside").asBoolean(), tOverlap.toString());
        assertEquals(5, c.at("/base/images").size());
        assertTrue(c.at("/base/images/0/url").asText().startsWith("/api/images/" + fx.run.probeSetHash()));
    }

    @Test
    void aSampleTheProbeSetLacksSaysTheImageIsNotAvailable() throws Exception {
        // When
        var r = call("GET", "/api/images/" + fx.run.probeSetHash() + "/s0099.png", DashboardFixture.READ_TOKEN, null);

        // Then
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("image_not_available"), r.body());
    }

    @Test
    void aSampleOfAConfiguredProbeSetIsServedAsItsPng() throws Exception {
        // When
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/images/" + fx.run.probeSetHash() + "/s0000.png"))
                .header("Authorization", "Bearer " + DashboardFixture.READ_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertEquals(200, r.statusCode());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
        assertEquals(4, image.getWidth());
        assertEquals(0xff0000, image.getRGB(2, 2) & 0xffffff);
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
        var r = call("POST", "/api/findings/" + fx.run.plantedFindingId() + "/acknowledge", DashboardFixture.READ_TOKEN,
                "{\"who\":\"eve\",\"why\":\"read only\"}");

        // Then
        assertEquals(403, r.statusCode());
        assertEquals(0, count("SELECT count(*) FROM acknowledgements WHERE who = 'eve'"));
    }

    @Test
    void theAckTokenAcknowledgesAndTheAuditLogHasTheRow() throws Exception {
        // Given
        String finding = SyntheticRun.sha256("finding", DashboardFixture.RUN, "person", "1");

        // When
        var r = call("POST", "/api/findings/" + finding + "/acknowledge", DashboardFixture.ACK_TOKEN,
                "{\"who\":\"alice\",\"why\":\"expected: place captions\"}");

        // Then
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'ACKNOWLEDGED' AND actor = 'alice'"));
        assertEquals(1, count("SELECT count(*) FROM findings WHERE finding_id = '" + finding + "' AND state = 'ACKNOWLEDGED'"));
    }

    @Test
    void aBlankReasonIsRefusedWithAClearMessage() throws Exception {
        // When
        var r = call("POST", "/api/findings/" + fx.run.plantedFindingId() + "/acknowledge", DashboardFixture.ACK_TOKEN,
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
             ResultSet plan = s.executeQuery("EXPLAIN " + VectorSearch.querySql(VectorTable.CONCEPTS, SyntheticRun.DIM)
                     .replace("?::vector(32)", "'[" + "1,".repeat(SyntheticRun.DIM - 1) + "1]'::vector(32)").replace("LIMIT ?", "LIMIT 5"))) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) text.append(plan.getString(1)).append('\n');
            assertTrue(text.toString().contains(VectorIndexes.indexName(VectorTable.CONCEPTS, SyntheticRun.DIM)), text.toString());
        }
    }

    @Test
    void metricsExposeDriftGaugesAndFindingCounts() throws Exception {
        // When
        var r = call("GET", "/metrics", DashboardFixture.READ_TOKEN, null);

        // Then
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("shiftwatch_findings{run=\"bias-run\",severity=\"CRITICAL\",state=\"RAISED\"} 1"), r.body());
        assertTrue(r.body().contains("shiftwatch_run_t_overlap_min{run=\"bias-run\"}"), r.body());
    }

    private static long count(String sql) throws Exception {
        try (Connection c = fx.db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
