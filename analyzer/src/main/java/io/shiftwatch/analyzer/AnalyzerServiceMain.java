package io.shiftwatch.analyzer;

import io.shiftwatch.analyzer.extraction.BaseActivationCache;
import io.shiftwatch.analyzer.service.AnalyzerService;
import io.shiftwatch.analyzer.service.CheckpointAnalysisJob;
import io.shiftwatch.analyzer.service.CheckpointLedger;
import io.shiftwatch.analyzer.service.CheckpointRegistrar;
import io.shiftwatch.analyzer.service.CheckpointResolver;
import io.shiftwatch.ingest.CheckpointEventReader;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.ingest.DeadLetterPublisher;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.migrations.ConnectionPool;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.migrations.Migrator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./shiftwatch analyzer}: applies the migrations, creates missing topics, and runs the
 * {@link AnalyzerService} until SIGTERM. Database settings: {@code --db-url/--db-user/--db-password}
 * or SHIFTWATCH_DB_*; everything else: {@link AnalyzerSettings} (see {@code --help}).
 */
public final class AnalyzerServiceMain {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerServiceMain.class);

    private AnalyzerServiceMain() {
    }

    static int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("usage: shiftwatch analyzer [options] [--db-url URL --db-user U --db-password P]\n\n"
                    + "Consumes shiftwatch.checkpoints, analyses every checkpoint (PAPER.md §1-4), writes PostgreSQL and\n"
                    + "publishes shiftwatch.concept-drift, shiftwatch.analyses and shiftwatch.analysis-progress.\n\n"
                    + ConfigLoader.withConfigFile(AnalyzerSettings.SCHEMA).helpTable());
            return 0;
        }
        List<String> kafkaArgs = withoutDatabaseFlags(args);
        Config config;
        switch (ConfigLoader.load(AnalyzerSettings.SCHEMA, kafkaArgs, System.getenv())) {
            case ConfigParse.Parsed parsed -> config = parsed.config();
            case ConfigParse.Problems problems -> {
                System.err.println(problems.report());
                return 2;
            }
        }
        DatabaseConfig db;
        try {
            db = DatabaseConfig.resolve(args, System.getenv());
            Migrator.migrate(db);
        } catch (RuntimeException e) {
            System.err.println("analyzer cannot start: " + e.getMessage());
            return 1;
        }
        AnalyzerService service = create(config, db, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "analyzer-shutdown"));
        LOG.atInfo().addKeyValue("bootstrap", config.get(IngestSettings.BOOTSTRAP_SERVERS))
                .addKeyValue("group", config.get(AnalyzerSettings.GROUP_ID)).log("analyzer started; waiting for checkpoint events");
        try (service) {
            service.run();
        }
        return 0;
    }

    /** Wires a service from parsed settings (also used by the integration tests). */
    public static AnalyzerService create(Config config, DatabaseConfig db, Clock clock) {
        String bootstrap = config.get(IngestSettings.BOOTSTRAP_SERVERS);
        var topics = IngestSettings.topics(config);
        TopicAdmin.ensureTopics(config);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, config.get(AnalyzerSettings.GROUP_ID),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.get(AnalyzerSettings.MAX_POLL_INTERVAL).toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        var resolver = new CheckpointResolver(IngestSettings.roots(config), config.optional(AnalyzerSettings.PROBE_SETS_DIR));
        var pool = ConnectionPool.open(db, "shiftwatch-analyzer", 3);
        var job = new CheckpointAnalysisJob(config, resolver, pool.dataSource(),
                new BaseActivationCache(config.get(AnalyzerSettings.CACHE_DIR)), clock);
        var reader = new CheckpointEventReader(IngestSettings.validator(config));
        var registrar = new CheckpointRegistrar(bootstrap, config.get(AnalyzerSettings.GROUP_ID) + "-registrar",
                topics.checkpoints().name(), reader, new CheckpointLedger(pool.dataSource())).start();
        return new AnalyzerService(consumer, producer, DeadLetterPublisher.create(bootstrap, topics, clock), reader, job,
                topics, clock).closing(registrar).closing(pool);
    }

    private static List<String> withoutDatabaseFlags(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--db-url") || a.equals("--db-user") || a.equals("--db-password")) i++;
            else if (!a.startsWith("--db-url=") && !a.startsWith("--db-user=") && !a.startsWith("--db-password=")) out.add(a);
        }
        return out;
    }
}
