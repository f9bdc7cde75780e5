package io.shiftwatch.dashboards.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Follows the analysis-progress, analyses and alerts topics and forwards each record to the browsers
 * as a small server-sent event ({@code progress}, {@code analysis}, {@code alert}) carrying the run id,
 * step and the record itself. Its consumer group is unique per dashboards instance and starts at the
 * latest offsets: the pages read history from PostgreSQL, the feed only says "something changed".
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, String> eventOfTopic;
    private final LiveHub hub;
    private final Thread thread;
    private volatile boolean running = true;

    public LiveFeed(String bootstrapServers, Topics topics, LiveHub hub) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "shiftwatch-dashboards-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.eventOfTopic = Map.of(topics.analysisProgress().name(), "progress", topics.analyses().name(), "analysis",
                topics.alerts(), "alert");
        this.hub = hub;
        this.thread = Thread.ofPlatform().name("dashboards-live-feed").daemon().unstarted(this::poll);
    }

    public void start() {
        consumer.subscribe(List.copyOf(eventOfTopic.keySet()));
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    hub.publish(eventOfTopic.get(r.topic()), frame(r.key(), r.value()).toString());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("live feed stopped; pages still work, they just stop updating by themselves");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The event sent to browsers: run id, step (when the record has one) and the record as it came. */
    static ObjectNode frame(String runId, String value) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        JsonNode record = Json.tree(value);
        out.put("runId", runId != null ? runId : record.path("runId").asText(null));
        if (record.has("step")) out.put("step", record.path("step").asLong());
        out.set("record", record);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
