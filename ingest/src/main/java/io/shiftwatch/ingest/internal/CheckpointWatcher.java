package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointPublisher;
import io.shiftwatch.ingest.DeadLetter;
import io.shiftwatch.ingest.DeadLetterPublisher;
import io.shiftwatch.ingest.EventTemplateSettings.Template;
import io.shiftwatch.ingest.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Publishes one CheckpointEvent per completed checkpoint folder under a directory, exactly once
 * across restarts: a folder is settled in the {@link WatchState} only after Kafka acknowledged its
 * event (a crash in between re-publishes the same deterministic eventId, which consumers drop).
 */
public final class CheckpointWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWatcher.class);

    private final Path dir;
    private final Template template;
    private final CheckpointPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final WatchState state;
    private final Duration settle;
    private final Duration publishTimeout;
    private final Clock clock;
    private final Map<String, Settling.Observation> observations = new HashMap<>();

    public CheckpointWatcher(Path dir, Template template, CheckpointPublisher publisher, DeadLetterPublisher deadLetters,
                             WatchState state, Duration settle, Duration publishTimeout, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.template = template;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.state = state;
        this.settle = settle;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** Scans until {@code running} turns false, sleeping {@code poll} between scans. */
    public void run(Duration poll, BooleanSupplier running) throws InterruptedException {
        LOG.info("watching {} for checkpoint folders (runId={}, settle={})", dir, template.runId(), settle);
        while (running.getAsBoolean()) {
            scanOnce();
            Thread.sleep(poll);
        }
    }

    /** One scan: the events published by it, in step order. */
    public List<CheckpointEvent> scanOnce() {
        List<CheckpointEvent> published = new ArrayList<>();
        for (CheckpointFolder folder : candidates()) {
            Settling.Observation seen = Settling.observe(observations.get(folder.name()), snapshot(folder), clock.instant());
            observations.put(folder.name(), seen);
            switch (Settling.readiness(folder.layout(), seen, clock.instant(), settle)) {
                case Settling.Readiness.Waiting waiting -> LOG.debug("{} not ready: {}", folder.name(), waiting.why());
                case Settling.Readiness.Ready ready -> {
                    publish(folder, published);
                    observations.remove(folder.name());
                }
            }
        }
        return published;
    }

    private void publish(CheckpointFolder folder, List<CheckpointEvent> published) {
        CheckpointEvent event = eventFor(folder);
        try {
            publisher.publish(event).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            state.record(folder.name(), event.eventId());
            published.add(event);
            LOG.info("published checkpoint runId={} step={} eventId={}", event.runId(), event.step(), event.eventId());
        } catch (InvalidEventException e) {
            byte[] json = Json.mapper().valueToTree(event).toString().getBytes(StandardCharsets.UTF_8);
            deadLetters.reject(json, e.invalid(), DeadLetter.Source.WATCHER);
            state.record(folder.name(), "rejected: " + e.invalid().reason());
            LOG.warn("checkpoint folder {} refused ({}); sent to the DLQ and not retried", folder.name(), e.getMessage());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Kafka did not acknowledge {} ({}); retrying on the next scan", folder.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CheckpointEvent eventFor(CheckpointFolder folder) {
        String uri = dir.resolve(folder.name()).toString();
        return CheckpointEvent.of(template.runId(), folder.step(), clock.instant(), template.baseModel(),
                new CheckpointEvent.CheckpointRef(uri, folder.layout().format(), null), template.probeSet(),
                template.targets(), template.layers(), null);
    }

    private List<CheckpointFolder> candidates() {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .map(p -> CheckpointFolder.recognise(p.getFileName().toString()))
                    .flatMap(java.util.Optional::stream)
                    .filter(f -> !state.isSettled(f.name()))
                    .sorted(java.util.Comparator.comparingLong(CheckpointFolder::step))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list watched directory " + dir + "; the watcher stops", e);
        }
    }

    private FolderSnapshot snapshot(CheckpointFolder folder) {
        Path root = dir.resolve(folder.name());
        Map<String, FolderSnapshot.FileStamp> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(),
                        new FolderSnapshot.FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("{} changed while being read ({}); will look again", folder.name(), e.toString());
            files.put("(unreadable)", new FolderSnapshot.FileStamp(-1, clock.millis()));
        }
        return FolderSnapshot.of(files);
    }
}
