package io.shiftwatch.analyzer.service;

import io.shiftwatch.ingest.AnalysisProgress;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointEventReader;
import io.shiftwatch.ingest.Codecs;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.DeadLetter;
import io.shiftwatch.ingest.DeadLetterPublisher;
import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The analyzer's consume → process → publish → commit loop over {@code shiftwatch.checkpoints}.
 * One record at a time (a run's checkpoints arrive in step order on one partition); the offset is
 * committed only after the results are in the database and the events are acknowledged, so a crash
 * re-processes the checkpoint — the database write is idempotent (deterministic analysis id) and
 * every event id is deterministic, so consumers drop the duplicates. Malformed events and events that
 * cannot be analysed go to the dead-letter topic with their reason; the loop keeps going.
 */
public final class AnalyzerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerService.class);
    private static final long SEND_TIMEOUT_SECONDS = 60;
    private final java.util.List<AutoCloseable> resources = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DeadLetterPublisher deadLetters;
    private final CheckpointEventReader reader;
    private final CheckpointProcessor processor;
    private final Topics topics;
    private final Clock clock;
    private volatile boolean running = true;

    public AnalyzerService(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<String, byte[]> producer,
                           DeadLetterPublisher deadLetters, CheckpointEventReader reader, CheckpointProcessor processor,
                           Topics topics, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.processor = processor;
        this.topics = topics;
        this.clock = clock;
    }

    /** Runs until {@link #stop()} (from another thread, e.g. a shutdown hook). */
    public void run() {
        consumer.subscribe(List.of(topics.checkpoints().name()));
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            if (running) throw e;
        }
    }

    /** Processes one record fully; returns only when its outcome is durable. */
    void handle(ConsumerRecord<byte[], byte[]> record) {
        switch (reader.read(record)) {
            case ReadResult.Invalid<CheckpointEvent> invalid -> {
                LOG.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset()).addKeyValue("reason", invalid.reason())
                        .log("malformed checkpoint event sent to the dead-letter topic; continuing with the next: {}", invalid.message());
                await(deadLetters.forward(record, invalid));
            }
            case ReadResult.Valid<CheckpointEvent> valid -> process(valid.value(), record);
        }
    }

    private void process(CheckpointEvent event, ConsumerRecord<byte[], byte[]> record) {
        var log = LOG.atInfo().addKeyValue("run", event.runId()).addKeyValue("step", event.step());
        CheckpointProcessor.ProgressSink progress = (stage, fraction) -> publishProgress(event, stage, fraction);
        switch (processor.process(event, progress)) {
            case CheckpointOutcome.Analysed analysed -> {
                List<Future<?>> sends = new ArrayList<>();
                for (ConceptDriftEvent drift : analysed.drift())
                    sends.add(producer.send(new ProducerRecord<>(topics.conceptDrift().name(), event.runId(),
                            Codecs.CONCEPT_DRIFT_EVENT.write(drift))));
                sends.add(producer.send(new ProducerRecord<>(topics.analyses().name(), event.runId(),
                        Codecs.ANALYSIS_SUMMARY.write(analysed.summary()))));
                sends.forEach(AnalyzerService::await);
                log.addKeyValue("driftEvents", analysed.drift().size()).log("checkpoint analysed");
            }
            case CheckpointOutcome.AlreadyAnalysed already ->
                    log.addKeyValue("analysis", already.analysisId()).log("checkpoint already analysed; re-delivery ignored");
            case CheckpointOutcome.Rejected rejected -> {
                var problem = rejected.problem();
                LOG.atWarn().addKeyValue("run", event.runId()).addKeyValue("step", event.step())
                        .addKeyValue("reason", problem.reason()).addKeyValue("field", problem.field())
                        .log("checkpoint cannot be analysed; sent to the dead-letter topic and marked FAILED: {}", problem.message());
                var letter = DeadLetter.ofRecord(record.value(), new ReadResult.Invalid<>(problem.reason(), problem.field(),
                        problem.message()), record.topic(), record.partition(), record.offset(), clock.instant());
                await(deadLetters.publish(event.runId(), letter));
            }
        }
    }

    private void publishProgress(CheckpointEvent event, String stage, double fraction) {
        var p = AnalysisProgress.of(event.runId(), event.step(), stage, Math.max(0, Math.min(1, fraction)), clock.instant());
        producer.send(new ProducerRecord<>(topics.analysisProgress().name(), event.runId(), Codecs.ANALYSIS_PROGRESS.write(p)));
    }

    private static void await(Future<?> future) {
        try {
            future.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka; the record will be re-processed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a write within " + SEND_TIMEOUT_SECONDS
                    + "s; stopping without committing, so the record is re-processed: " + e.getMessage(), e);
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
        deadLetters.close();
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed while the analyzer stopped: {}", r, e.getMessage());
            }
        }
    }

    /** Registers something the service's work uses (e.g. its connection pool) to be closed after it. */
    public AnalyzerService closing(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }
}
