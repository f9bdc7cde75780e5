package io.shiftwatch.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.ingest.internal.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every kind of bad record on the checkpoints topic ends on the DLQ with its reason and exact bytes. */
class DeadLetterIT {
    private final KafkaFixture kafka = new KafkaFixture();

    @AfterEach
    void deleteTopics() throws Exception {
        kafka.close();
    }

    private static final CheckpointRoots ROOTS = new CheckpointRoots(List.of(Path.of("/data")), List.of());
    private static final int LIMIT = 4096;

    private static byte[] mutated(Consumer<ObjectNode> change) {
        ObjectNode tree = Json.mapper().valueToTree(Examples.checkpoint());
        change.accept(tree);
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of(RejectReason.MALFORMED_JSON, "{not json".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(RejectReason.PAYLOAD_TOO_LARGE, mutated(t -> t.with("trainer").putObject("labels")
                        .put("pad", "x".repeat(LIMIT)))),
                Arguments.of(RejectReason.UNKNOWN_SCHEMA_VERSION, mutated(t -> t.put("schemaVersion", 7))),
                Arguments.of(RejectReason.MISSING_FIELD, mutated(t -> t.remove("probeSet"))),
                Arguments.of(RejectReason.INVALID_FIELD, mutated(t -> t.put("step", "twelve"))),
                Arguments.of(RejectReason.URI_OUTSIDE_ROOTS, Codecs.CHECKPOINT_EVENT.write(
                        Examples.checkpoint("run-7", 5, "/data/../etc/checkpoint-5"))),
                Arguments.of(RejectReason.EVENT_ID_MISMATCH, mutated(t -> t.put("eventId", "0".repeat(64)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void badRecordIsDeadLetteredWithReasonBytesAndOrigin(RejectReason reason, byte[] payload) throws Exception {
        // Given
        String topic = kafka.topics.checkpoints().name();
        var sent = kafka.sendRaw(topic, "run-7", payload);
        ConsumerRecord<byte[], byte[]> record = kafka.read(topic, 1, Duration.ZERO).getFirst();
        CheckpointEventReader reader = new CheckpointEventReader(
                new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT.withMaxBytes(LIMIT), ROOTS, p -> p));
        ReadResult.Invalid<?> invalid = assertInstanceOf(ReadResult.Invalid.class, reader.read(record));
        // When
        try (DeadLetterPublisher dlq = DeadLetterPublisher.create(kafka.bootstrap, kafka.topics, Clock.systemUTC())) {
            dlq.forward(record, invalid).get();
        }
        // Then
        ConsumerRecord<byte[], byte[]> dead = kafka.read(kafka.topics.checkpointsDlq().name(), 1, Duration.ZERO).getFirst();
        DeadLetter letter = Examples.valid(Codecs.DEAD_LETTER.read(dead.value()));
        assertEquals(reason, letter.reason(), letter.message());
        assertArrayEquals(payload, letter.originalBytes());
        assertEquals(topic, letter.topic());
        assertEquals(sent.partition(), letter.partition());
        assertEquals(sent.offset(), letter.offset());
        assertEquals("run-7", new String(dead.key(), StandardCharsets.UTF_8));
    }
}
