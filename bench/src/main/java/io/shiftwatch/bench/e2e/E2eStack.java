package io.shiftwatch.bench.e2e;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.ScratchDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real pipeline on the shared dev Kafka and PostgreSQL, isolated for one benchmark: a fresh topic
 * prefix, consumer group, Streams application id, scratch database (migrated by the services, dropped
 * on close) and activation cache; {@code analyzers} analyzer processes in one group plus one auditor,
 * each started through {@code ./shiftwatch}. Publishes checkpoint events and reads back what arrives.
 */
final class E2eStack implements AutoCloseable {
    final Topics topics;
    final Arrivals arrivals = new Arrivals();
    final List<ServiceProcess> analyzers = new ArrayList<>();
    ServiceProcess auditor;
    private final String bootstrap;
    private final String group;
    private final ScratchDatabase database;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private static final int START_ATTEMPTS = 4;
    private final Map<String, Integer> attempts = new HashMap<>();
    private TopicWatch watch;
    private final Thread onSigterm = new Thread(this::closeQuietly, "e2e-stack-cleanup");
    private boolean closed;

    E2eStack(Path repo, Path workDir, int analyzerCount, Map<String, String> extraEnv) throws Exception {
        this(repo, workDir, workDir.resolve("activations"), analyzerCount, extraEnv);
    }

    /** As above with the analyzers' base-activation cache in {@code activations} (shared between stacks when reused). */
    E2eStack(Path repo, Path workDir, Path activations, int analyzerCount, Map<String, String> extraEnv) throws Exception {
        bootstrap = System.getenv().getOrDefault("SHIFTWATCH_BOOTSTRAP_SERVERS", "localhost:19092");
        String prefix = "bench-e2e-" + System.currentTimeMillis() + ".";
        topics = Topics.withPrefix(prefix);
        group = prefix + "analyzer";
        TopicAdmin.ensureTopics(bootstrap, topics.allNames(), 3, (short) 1, Duration.ofSeconds(30));
        database = ScratchDatabase.create(DatabaseConfig.fromEnvironment(), "sw_bench_e2e");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        try {
            Map<String, String> env = env(prefix, workDir, activations, extraEnv);
            for (int i = 1; i <= analyzerCount; i++)
                analyzers.add(ServiceProcess.start(repo, "analyzer", "analyzer-" + i, env, workDir.resolve("logs")));
            auditor = ServiceProcess.start(repo, "auditor", "auditor", env, workDir.resolve("logs"));
            watch = new TopicWatch(bootstrap, topics, arrivals);
            // A bench stopped with SIGTERM still stops its services and drops its database and topics.
            Runtime.getRuntime().addShutdownHook(onSigterm);
            awaitAnalyzerGroup(analyzerCount, Duration.ofMinutes(5));
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private Map<String, String> env(String prefix, Path workDir, Path activations, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("SHIFTWATCH_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SHIFTWATCH_TOPIC_PREFIX", prefix);
        env.put("SHIFTWATCH_DB_URL", database.config.url());
        env.put("SHIFTWATCH_DB_USER", database.config.user());
        env.put("SHIFTWATCH_DB_PASSWORD", database.config.password());
        env.put("SHIFTWATCH_ANALYZER_GROUP_ID", group);
        env.put("SHIFTWATCH_ANALYZER_CACHE_DIR", activations.toString());
        env.put("SHIFTWATCH_AUDITOR_APPLICATION_ID", prefix + "auditor");
        env.put("SHIFTWATCH_AUDITOR_RECORDER_GROUP_ID", prefix + "auditor-recorder");
        env.put("SHIFTWATCH_AUDITOR_STATE_DIR", workDir.resolve("auditor-state").toString());
        env.putIfAbsent("SHIFTWATCH_CHECKPOINT_ROOTS", "/work/cache");
        return env;
    }

    /**
     * A service that died while starting (on this shared, overloaded machine its 30 s topic check can time out
     * before the JVM gets the CPU to finish it) is started again, at most {@value #START_ATTEMPTS} times in all.
     */
    private void restartDead() throws java.io.IOException {
        for (int i = 0; i < analyzers.size(); i++) analyzers.set(i, restarted(analyzers.get(i)));
        auditor = restarted(auditor);
    }

    private ServiceProcess restarted(ServiceProcess s) throws java.io.IOException {
        if (s.alive()) return s;
        int attempt = attempts.merge(s.name(), 1, Integer::sum) + 1;
        if (attempt > START_ATTEMPTS)
            throw new IllegalStateException(s.name() + " exited during start-up " + START_ATTEMPTS + " times; see " + s.log());
        System.err.println("e2e: " + s.name() + " exited during start-up (attempt " + (attempt - 1) + ", see " + s.log() + "); starting it again");
        return s.restart();
    }

    /** Waits until every analyzer joined the consumer group (the services are up and subscribed). */
    private void awaitAnalyzerGroup(int members, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            restartDead();
            try {
                var described = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (described != null && described.members().size() == members) return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) throw e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the analyzers did not join group " + group + " within " + timeout);
    }

    /** Publishes the checkpoint event of {@code checkpoint} as (runId, step) now; returns the publish time (ms). */
    long publish(String runId, long step, Path base, Path checkpoint, Path probe) throws Exception {
        return publish(runId, step, base, checkpoint, probe, null);
    }

    /** As {@link #publish(String, long, Path, Path, Path)} onto {@code partition} (null = by run id, as trainers do). */
    long publish(String runId, long step, Path base, Path checkpoint, Path probe, Integer partition) throws Exception {
        var event = CheckpointEvent.of(runId, step, Instant.now(),
                new CheckpointEvent.BaseModel("testbed-base", base.toUri().toString(), ModelFormat.TESTBED),
                new CheckpointEvent.CheckpointRef(checkpoint.toUri().toString(), ModelFormat.TESTBED, null),
                new CheckpointEvent.ProbeSet("bench-probe", probe.toUri().toString()), List.of(), List.of(),
                CheckpointEvent.TrainerMetadata.NONE);
        long at = System.currentTimeMillis();
        arrivals.of(runId, step).published = at;
        producer.send(new ProducerRecord<>(topics.checkpoints().name(), partition, runId, Codecs.CHECKPOINT_EVENT.write(event))).get();
        return at;
    }

    /** Checkpoint events published but not yet committed by the analyzer group (sum over partitions). */
    long lag() throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topics.checkpoints().name())).allTopicNames().get()
                .get(topics.checkpoints().name()).partitions().stream()
                .map(p -> new TopicPartition(topics.checkpoints().name(), p.partition())).toList();
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (TopicPartition p : partitions) {
            var c = committed.get(p);
            lag += ends.get(p).offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Fails when a service died (its log names why). */
    void checkAlive() {
        for (ServiceProcess s : services())
            if (!s.alive()) throw new IllegalStateException(s.name() + " exited; see " + s.log());
    }

    List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>(analyzers);
        if (auditor != null) all.add(auditor);
        return all;
    }

    /** Deletes every topic of this stack's prefix (its own topics and the auditor's internal ones). */
    private void deleteTopics() {
        try {
            var mine = admin.listTopics().names().get().stream().filter(t -> t.startsWith(topics.prefix())).toList();
            admin.deleteTopics(mine).all().get();
        } catch (Exception e) {
            System.err.println("e2e: could not delete the topics of prefix " + topics.prefix() + ": " + e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("e2e: clean-up after SIGTERM failed: " + e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) return;
        closed = true;
        if (Thread.currentThread() != onSigterm) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSigterm);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // already shutting down, or the hook was never registered (start-up failed early)
            }
        }
        for (ServiceProcess s : services()) s.close();
        if (watch != null) watch.close();
        producer.close();
        deleteTopics();
        admin.close();
        database.close();
    }
}
