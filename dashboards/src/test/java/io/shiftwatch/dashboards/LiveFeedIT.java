package io.shiftwatch.dashboards;

import io.shiftwatch.dashboards.internal.LiveFeed;
import io.shiftwatch.dashboards.internal.LiveHub;
import io.shiftwatch.ingest.AnalysisProgress;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live feed against the real dev broker: a progress record on its topic reaches an open event stream. */
class LiveFeedIT {
    @Test
    void aProgressRecordReachesTheBrowserStream() throws Exception {
        // Given a feed on topics of our own prefix and one listening stream
        String bootstrap = System.getenv().getOrDefault("SHIFTWATCH_BOOTSTRAP_SERVERS", "localhost:19092");
        Topics topics = Topics.withPrefix("it-dash-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        TopicAdmin.ensureTopics(bootstrap, topics.allNames(), 1, (short) 1, Duration.ofSeconds(30));
        LiveHub hub = new LiveHub();
        ByteArrayOutputStream browser = new ByteArrayOutputStream();
        hub.open(browser);
        var progress = topics.analysisProgress();
        try (LiveFeed feed = new LiveFeed(bootstrap, topics, hub);
             var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     progress.keySerde().serializer(), progress.valueSerde().serializer())) {
            feed.start();

            // When records are produced until one arrives (the feed starts at the latest offsets once assigned)
            String seen = "";
            Instant deadline = Instant.now().plusSeconds(40);
            while (!seen.contains("event: progress") && Instant.now().isBefore(deadline)) {
                producer.send(new ProducerRecord<>(progress.name(), "live-run",
                        AnalysisProgress.of("live-run", 300, "extract", 0.4, Instant.now()))).get();
                Thread.sleep(500);
                synchronized (browser) {
                    seen = browser.toString(StandardCharsets.UTF_8);
                }
            }

            // Then
            assertTrue(seen.contains("event: progress") && seen.contains("\"runId\":\"live-run\"") && seen.contains("\"step\":300"), seen);
        }
    }
}
