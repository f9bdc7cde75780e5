package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.AlertDeadLetters;
import io.shiftwatch.auditor.internal.AlertRecorder;
import io.shiftwatch.auditor.webhook.WebhookDispatcher;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.ConnectionPool;
import io.shiftwatch.migrations.DatabaseConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running auditor: the Streams topology (drift -> findings -> alerts, exactly-once), the alert
 * recorder (alerts -> PostgreSQL findings + audit log) on its own thread, and the webhook dispatcher
 * fed by the recorder. {@link #start} starts all three; {@link #close} (idempotent) stops them in
 * reverse order.
 */
public final class AuditorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditorService.class);

    private final KafkaStreams streams;
    private final AlertRecorder recorder;
    private final AlertDeadLetters deadLetters;
    private final Optional<WebhookDispatcher> webhooks;
    private final Thread recorderThread;
    private final ConnectionPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AuditorService(Config config, DatabaseConfig db, Clock clock) {
        Topics topics = IngestSettings.topics(config);
        String bootstrap = config.get(IngestSettings.BOOTSTRAP_SERVERS);
        List<String> names = new ArrayList<>(topics.allNames());
        names.add(Alerts.deadLetterTopic(topics).name());
        TopicAdmin.ensureTopics(bootstrap, names, config.get(IngestSettings.TOPIC_PARTITIONS),
                config.get(IngestSettings.TOPIC_REPLICATION_FACTOR).shortValue(), Duration.ofSeconds(30));
        this.pool = ConnectionPool.open(db, "shiftwatch-auditor", 4);
        DataSource dataSource = pool.dataSource();
        this.deadLetters = new AlertDeadLetters(bootstrap, topics);
        this.webhooks = AuditorSettings.webhookSettings(config)
                .map(s -> new WebhookDispatcher(s, dataSource, deadLetters, clock));
        this.recorder = new AlertRecorder(bootstrap, config.get(AuditorSettings.RECORDER_GROUP_ID), topics.alerts(),
                dataSource, deadLetters, alert -> webhooks.ifPresent(w -> w.submit(alert)), clock,
                config.get(AuditorSettings.RECORDER_RETRY));
        this.streams = new KafkaStreams(AuditorTopology.build(AuditorSettings.auditorConfig(config), topics),
                AuditorSettings.streamsProperties(config));
        this.recorderThread = Thread.ofPlatform().name("alert-recorder").unstarted(recorder::run);
    }

    /** Builds the service (creates missing topics); IllegalArgumentException for bad webhook settings. */
    public static AuditorService create(Config config, DatabaseConfig db, Clock clock) {
        return new AuditorService(config, db, clock);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        LOG.info("auditor starting: streams, alert recorder{}", webhooks.isPresent() ? ", webhooks" : " (no webhooks configured)");
        recorderThread.start();
        streams.start();
    }

    @Override
    public void close() {
        // Closed by the shutdown hook and by try-with-resources in the CLI: the second call does nothing.
        if (!closed.compareAndSet(false, true)) return;
        streams.close(Duration.ofSeconds(30));
        recorder.stop();
        try {
            recorderThread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhooks.ifPresent(w -> w.close(Duration.ofSeconds(10)));
        deadLetters.close();
        pool.close();
    }
}
