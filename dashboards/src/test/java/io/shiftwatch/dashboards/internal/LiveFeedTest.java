package io.shiftwatch.dashboards.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveFeedTest {
    @Test
    void aRecordBecomesAnEventWithRunIdAndStep() {
        // When
        var frame = LiveFeed.frame("run-1", "{\"runId\":\"run-1\",\"step\":300,\"stage\":\"extract\"}");

        // Then
        assertEquals("run-1", frame.get("runId").asText());
        assertEquals(300, frame.get("step").asLong());
        assertEquals("extract", frame.at("/record/stage").asText());
    }

    @Test
    void everyListenerReceivesAPublishedEventAsOneSseFrame() {
        // Given
        var hub = new LiveHub();
        var out = new ByteArrayOutputStream();
        hub.open(out);

        // When
        hub.publish("alert", "{\"a\":\n1}");

        // Then
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("event: alert\ndata: {\"a\": 1}\n\n"), text);
        assertEquals(1, hub.size());
    }
}
