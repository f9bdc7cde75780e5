package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointEventReader;
import io.shiftwatch.ingest.ReadResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Records every checkpoint event as RECEIVED as soon as it is published, in a consumer group of its own, so
 * dashboards show the checkpoints still waiting for an analyzer (the analyzing consumer takes one event at a
 * time). The rows are the ones {@link CheckpointLedger#receive} writes when analysis starts, so doing it twice
 * changes nothing; a record that cannot be read is left to the analyzing consumer, which dead-letters it.
 * Offsets are committed automatically: a row missed in a crash is written when the analysis starts.
 */
public final class CheckpointRegistrar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRegistrar.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final CheckpointEventReader reader;
    private final CheckpointLedger ledger;
    private final Thread thread;

    public CheckpointRegistrar(String bootstrapServers, String groupId, String topic, CheckpointEventReader reader,
                               CheckpointLedger ledger) {
        this.consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.reader = reader;
        this.ledger = ledger;
        this.thread = Thread.ofPlatform().name("checkpoint-registrar").daemon().unstarted(this::run);
    }

    /** Starts recording on a thread of its own. */
    public CheckpointRegistrar start() {
        thread.start();
        return this;
    }

    private void run() {
        consumer.subscribe(List.of(topic));
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) register(record);
            }
        } catch (WakeupException stopping) {
            LOG.debug("checkpoint registrar stopping");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void register(ConsumerRecord<byte[], byte[]> record) {
        if (!(reader.read(record) instanceof ReadResult.Valid<CheckpointEvent> valid)) return;
        CheckpointEvent event = valid.value();
        try {
            ledger.receive(event);
        } catch (SQLException e) {
            LOG.atWarn().addKeyValue("run", event.runId()).addKeyValue("step", event.step())
                    .log("queued checkpoint not recorded ({}); it is recorded when its analysis starts", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
