package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.AlertDeadLetter;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.auditor.FindingState;
import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.migrations.Database;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Consumes {@code shiftwatch.alerts} (read_committed, its own consumer group, manual commits) and
 * records every alert state change with {@link FindingLedger} in one transaction, then commits the
 * offset. A database failure rewinds to the failed record and retries after {@code retryDelay}
 * (nothing is skipped); an unreadable record goes to the alerts DLQ with the reason. Newly recorded
 * changes of findings that are not ACKNOWLEDGED go to {@code onRecorded} (the webhooks) after the
 * commit. {@link #run} loops until {@link #stop}, then closes the consumer (on its own thread).
 */
public final class AlertRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRecorder.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final DataSource dataSource;
    private final AlertDeadLetters deadLetters;
    private final Consumer<Alert> onRecorded;
    private final Clock clock;
    private final Duration retryDelay;

    public AlertRecorder(String bootstrapServers, String groupId, String topic, DataSource dataSource,
                         AlertDeadLetters deadLetters, Consumer<Alert> onRecorded, Clock clock, Duration retryDelay) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.onRecorded = onRecorded;
        this.clock = clock;
        this.retryDelay = retryDelay;
    }

    /** Records alerts until {@link #stop} is called (from another thread). */
    public void run() {
        consumer.subscribe(List.of(topic));
        try {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    // A rewound partition stops here; the others go on (each keeps its own order).
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!handle(record, partition)) break;
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (!done.isEmpty()) consumer.commitSync(done);
            }
        } catch (WakeupException stopping) {
            LOG.info("alert recorder stopping; recorded offsets are committed");
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** True when the record is done (recorded, already recorded or dead-lettered); false: rewound for a retry. */
    private boolean handle(ConsumerRecord<String, byte[]> record, TopicPartition partition) {
        switch (Alerts.CODEC.read(record.value() == null ? new byte[0] : record.value())) {
            case ReadResult.Invalid<Alert> invalid -> {
                String why = "offset " + record.offset() + " of " + partition + ": " + invalid.message();
                try {
                    deadLetters.publish("unreadable", AlertDeadLetter.unreadable(record.value(), why, clock.instant()));
                } catch (IllegalStateException e) {
                    return retryLater(partition, record.offset(), "unreadable alert not dead-lettered (" + e.getMessage() + ")");
                }
                LOG.atWarn().addKeyValue("offset", record.offset()).log("unreadable alert sent to {}: {}",
                        deadLetters.topicName(), invalid.message());
                return true;
            }
            case ReadResult.Valid<Alert> valid -> {
                return recordAlert(valid.value(), record, partition);
            }
        }
    }

    private boolean recordAlert(Alert alert, ConsumerRecord<String, byte[]> record, TopicPartition partition) {
        FindingLedger.Recorded recorded;
        try {
            recorded = Database.inTransaction(dataSource, c -> FindingLedger.record(c, alert, clock.instant()));
        } catch (SQLException | RuntimeException e) {
            return retryLater(partition, record.offset(), "could not record alert " + alert.alertId() + " of run "
                    + alert.runId() + " step " + alert.step() + " (" + e.getMessage() + "); nothing was written");
        }
        if (recorded instanceof FindingLedger.Appended appended && appended.state() != FindingState.ACKNOWLEDGED) {
            onRecorded.accept(alert);
        }
        return true;
    }

    /** Rewinds {@code partition} to {@code offset} and waits, so the record is tried again; returns false. */
    private boolean retryLater(TopicPartition partition, long offset, String problem) {
        LOG.warn("{}; retrying from offset {} of {} in {} ms", problem, offset, partition, retryDelay.toMillis());
        consumer.seek(partition, offset);
        sleep(retryDelay);
        return false;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@link #run} return (thread-safe). */
    public void stop() {
        consumer.wakeup();
    }
}
