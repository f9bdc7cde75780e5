package io.shiftwatch.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics that do not exist yet, at start-up, with a partition count (default 3) and
 * replication factor (default 1). Existing topics are left alone (their partition count is not
 * changed: that would re-key runs). Another instance creating the same topic concurrently is fine.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /** Creates the missing topics of {@link IngestSettings#topics}, with the configured partitions and replication. */
    public static Set<String> ensureTopics(Config config) {
        return ensureTopics(config.get(IngestSettings.BOOTSTRAP_SERVERS), IngestSettings.topics(config).allNames(),
                config.get(IngestSettings.TOPIC_PARTITIONS), config.get(IngestSettings.TOPIC_REPLICATION_FACTOR).shortValue(),
                Duration.ofSeconds(30));
    }

    /** Creates the missing ones among {@code names}; returns the names it created. */
    public static Set<String> ensureTopics(String bootstrapServers, Collection<String> names, int partitions,
                                           short replicationFactor, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return ensureTopics(admin, names, partitions, replicationFactor, timeout);
        }
    }

    public static Set<String> ensureTopics(Admin admin, Collection<String> names, int partitions,
                                           short replicationFactor, Duration timeout) {
        long ms = timeout.toMillis();
        try {
            Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = names.stream().distinct().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, replicationFactor)).toList();
            Set<String> created = new TreeSet<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(ms, TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            LOG.info("topics ready: created={} partitions={} replicationFactor={}", created, partitions, replicationFactor);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + names + " on Kafka within " + timeout
                    + " (" + e + "); the service stops — check bootstrap.servers and the broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
