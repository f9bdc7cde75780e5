package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointEventValidator;
import io.shiftwatch.ingest.CheckpointPublisher;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;
import io.shiftwatch.ingest.EventTemplateSettings;
import io.shiftwatch.ingest.IngestSettings;
import io.shiftwatch.ingest.ModelFormat;
import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.ingest.TopicAdmin;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code IngestCli publish}: one event, from {@code --file event.json} or from flags. */
public final class PublishCommand {
    public static final ConfigKey<Path> FILE = ConfigKey.of("file", ConfigType.PATH, "JSON CheckpointEvent to publish as is");
    public static final ConfigKey<Long> STEP = ConfigKey.of("step", ConfigType.LONG, "training step of the checkpoint")
            .asRequired().validatedBy(s -> s >= 0, "be >= 0");
    public static final ConfigKey<String> CHECKPOINT_URI = ConfigKey.of("checkpoint.uri", ConfigType.STRING,
            "checkpoint URI or absolute path").asRequired();
    public static final ConfigKey<String> CHECKPOINT_FORMAT = ConfigKey.of("checkpoint.format", ConfigType.STRING,
                    "checkpoint format: " + ModelFormat.wireNames()).asRequired()
            .validatedBy(f -> ModelFormat.wireNames().contains(f), "be one of " + ModelFormat.wireNames());
    public static final ConfigKey<String> CHECKPOINT_SHA256 = ConfigKey.of("checkpoint.sha256", ConfigType.STRING,
            "SHA-256 of the checkpoint content (optional)");

    private PublishCommand() {
    }

    /** With {@code --file} only the file is needed; otherwise the event is described by flags. */
    public static ConfigSchema schema(List<String> args) {
        boolean fromFile = args.stream().anyMatch(a -> a.equals(FILE.flag()) || a.startsWith(FILE.flag() + "="));
        ConfigSchema common = IngestSettings.COMMON.plus(FILE);
        return fromFile ? common : common.plus(EventTemplateSettings.SCHEMA.keys().toArray(ConfigKey[]::new))
                .plus(STEP, CHECKPOINT_URI, CHECKPOINT_FORMAT, CHECKPOINT_SHA256);
    }

    public static int run(Config config, PrintStream out, PrintStream err) {
        CheckpointEventValidator validator = IngestSettings.validator(config);
        ReadResult<CheckpointEvent> event;
        try {
            event = config.optional(FILE).isPresent() ? validator.read(Files.readAllBytes(config.get(FILE)))
                    : validator.validate(fromFlags(config));
        } catch (IOException e) {
            err.println("cannot read " + config.get(FILE) + ": " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
        return switch (event) {
            case ReadResult.Invalid<CheckpointEvent> invalid -> {
                err.println("refused (" + invalid.reason() + ", field " + invalid.field() + "): " + invalid.message());
                yield 1;
            }
            case ReadResult.Valid<CheckpointEvent> valid -> send(config, validator, valid.value(), out);
        };
    }

    private static CheckpointEvent fromFlags(Config config) {
        EventTemplateSettings.Template template = EventTemplateSettings.template(config);
        return CheckpointEvent.of(template.runId(), config.get(STEP), Clock.systemUTC().instant(), template.baseModel(),
                new CheckpointEvent.CheckpointRef(config.get(CHECKPOINT_URI),
                        ModelFormat.parse(config.get(CHECKPOINT_FORMAT), "checkpoint.format"),
                        config.optional(CHECKPOINT_SHA256).orElse(null)),
                template.probeSet(), template.targets(), template.layers(), null);
    }

    private static int send(Config config, CheckpointEventValidator validator, CheckpointEvent event, PrintStream out) {
        var topics = IngestSettings.topics(config);
        String bootstrap = config.get(IngestSettings.BOOTSTRAP_SERVERS);
        TopicAdmin.ensureTopics(config);
        try (CheckpointPublisher publisher = CheckpointPublisher.create(bootstrap, topics, validator)) {
            RecordMetadata meta = publisher.publish(event)
                    .get(config.get(IngestSettings.PUBLISH_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            out.println("published eventId=" + event.eventId() + " to " + meta.topic() + "-" + meta.partition()
                    + "@" + meta.offset());
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + event.eventId() + " failed: " + e.getMessage(), e);
        }
    }
}
