package io.shiftwatch.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishRoundTripIT {
    private final KafkaFixture kafka = new KafkaFixture();

    @AfterEach
    void deleteTopics() throws Exception {
        kafka.close();
    }

    private static final CheckpointRoots ROOTS = new CheckpointRoots(List.of(Path.of("/data")), List.of());

    @Test
    void publishedEventIsConsumedIntactKeyedByRunId() throws Exception {
        // Given
        CheckpointEventValidator validator = new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT, ROOTS, p -> p);
        CheckpointEvent event = Examples.checkpoint();
        // When
        try (CheckpointPublisher publisher = CheckpointPublisher.create(kafka.bootstrap, kafka.topics, validator)) {
            publisher.publish(event).get();
        }
        // Then
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(kafka.topics.checkpoints().name(), 1, Duration.ofMillis(500));
        assertEquals(1, records.size());
        assertEquals("run-7", new String(records.getFirst().key(), StandardCharsets.UTF_8));
        assertEquals(new ReadResult.Valid<>(event), new CheckpointEventReader(validator).read(records.getFirst()));
    }

    @Test
    void invalidEventIsNotSent() {
        // Given
        CheckpointEventValidator validator = new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT, ROOTS, p -> p);
        CheckpointEvent outside = Examples.checkpoint("run-7", 3, "/etc/checkpoint-3");
        // When
        InvalidEventException refused;
        try (CheckpointPublisher publisher = CheckpointPublisher.create(kafka.bootstrap, kafka.topics, validator)) {
            refused = assertThrows(InvalidEventException.class, () -> publisher.publish(outside));
        }
        // Then
        assertEquals(RejectReason.URI_OUTSIDE_ROOTS, refused.invalid().reason());
        assertEquals(0, kafka.read(kafka.topics.checkpoints().name(), 0, Duration.ofSeconds(2)).size());
    }
}
