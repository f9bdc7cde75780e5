package io.shiftwatch.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the analyzer's and auditor's output topics (drift events, analysis summaries, alerts) of one
 * topic prefix from the beginning, read-committed (alerts come from an exactly-once Streams app), and
 * records each record's arrival in {@link Arrivals}. Runs on its own thread until closed.
 */
final class TopicWatch implements AutoCloseable, Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final Arrivals arrivals;
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatch(String bootstrap, Topics topics, Arrivals arrivals) {
        this.consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + "bench-watch", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.arrivals = arrivals;
        this.thread = new Thread(this, "e2e-topic-watch");
        consumer.subscribe(List.of(topics.conceptDrift().name(), topics.analyses().name(), topics.alerts()));
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                long now = System.currentTimeMillis();
                try {
                    record(r, now);
                } catch (IOException | RuntimeException e) {
                    System.err.println("e2e: unreadable record on " + r.topic() + " offset " + r.offset() + " skipped: " + e);
                }
            }
        }
        consumer.close();
    }

    private void record(ConsumerRecord<String, byte[]> r, long now) throws IOException {
        JsonNode v = JSON.readTree(r.value());
        String run = v.get("runId").asText();
        long step = v.get("step").asLong();
        if (r.topic().equals(topics.conceptDrift().name())) arrivals.drift(run, step, now);
        else if (r.topic().equals(topics.alerts())) arrivals.alert(run, step, now);
        else {
            Map<String, Long> stages = new LinkedHashMap<>();
            v.get("stageMillis").properties().forEach(e -> stages.put(e.getKey(), e.getValue().asLong()));
            arrivals.summary(run, step, now, v.get("status").asText(), stages);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
