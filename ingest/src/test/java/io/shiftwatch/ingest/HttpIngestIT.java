package io.shiftwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.shiftwatch.ingest.internal.HttpIngestService;
import io.shiftwatch.ingest.internal.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpIngestIT {
    private static final String TOKEN = "it-token-0123456789abcdef";
    private static final int LIMIT = 4096;

    private KafkaFixture kafka;
    private CheckpointPublisher publisher;
    private DeadLetterPublisher dlq;
    private HttpIngestService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        kafka = new KafkaFixture();
        CheckpointEventValidator validator = new CheckpointEventValidator(Codecs.CHECKPOINT_EVENT.withMaxBytes(LIMIT),
                new CheckpointRoots(List.of(Path.of("/data")), List.of()), p -> p);
        publisher = CheckpointPublisher.create(kafka.bootstrap, kafka.topics, validator);
        dlq = DeadLetterPublisher.create(kafka.bootstrap, kafka.topics, Clock.systemUTC());
        service = new HttpIngestService(0, new Secret(TOKEN), validator, publisher, dlq, Duration.ofSeconds(30));
        service.start();
    }

    @AfterEach
    void stop() {
        service.close();
        publisher.close();
        dlq.close();
        try {
            kafka.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not delete test topics", e);
        }
    }

    private HttpResponse<String> post(String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/checkpoints"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private DeadLetter onlyDeadLetter() {
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.read(kafka.topics.checkpointsDlq().name(), 1, Duration.ofMillis(500));
        assertEquals(1, dead.size());
        return Examples.valid(Codecs.DEAD_LETTER.read(dead.getFirst().value()));
    }

    @Test
    void goodEventWithTokenArrivesOnTheTopic() throws Exception {
        // Given
        CheckpointEvent event = Examples.checkpoint();
        // When
        HttpResponse<String> response = post(TOKEN, "application/json", Codecs.CHECKPOINT_EVENT.write(event));
        // Then
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(event.eventId(), Json.mapper().readTree(response.body()).get("eventId").asText());
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(kafka.topics.checkpoints().name(), 1, Duration.ofMillis(500));
        assertEquals(List.of(event), records.stream().map(r -> Examples.valid(Codecs.CHECKPOINT_EVENT.read(r.value()))).toList());
    }

    @Test
    void wrongTokenIsUnauthorisedAndPublishesNothing() throws Exception {
        // When
        HttpResponse<String> response = post("wrong-token-0123456789", "application/json",
                Codecs.CHECKPOINT_EVENT.write(Examples.checkpoint()));
        // Then
        assertEquals(401, response.statusCode());
        assertEquals(0, kafka.read(kafka.topics.checkpoints().name(), 0, Duration.ofSeconds(2)).size());
    }

    @Test
    void missingTokenIsUnauthorised() throws Exception {
        // When
        HttpResponse<String> response = post(null, "application/json", Codecs.CHECKPOINT_EVENT.write(Examples.checkpoint()));
        // Then
        assertEquals(401, response.statusCode());
    }

    @Test
    void malformedBodyIs400AndDeadLettered() throws Exception {
        // Given
        byte[] body = "{\"runId\": ".getBytes(StandardCharsets.UTF_8);
        // When
        HttpResponse<String> response = post(TOKEN, "application/json", body);
        // Then
        assertEquals(400, response.statusCode());
        JsonNode error = Json.mapper().readTree(response.body());
        assertEquals("MALFORMED_JSON", error.get("error").asText());
        DeadLetter letter = onlyDeadLetter();
        assertEquals(RejectReason.MALFORMED_JSON, letter.reason());
        assertEquals(DeadLetter.Source.HTTP, letter.source());
        assertArrayEquals(body, letter.originalBytes());
    }

    @Test
    void invalidFieldIs422NamingTheField() throws Exception {
        // Given
        byte[] body = Codecs.CHECKPOINT_EVENT.writeString(Examples.checkpoint()).replace("\"step\":1200", "\"step\":-1")
                .getBytes(StandardCharsets.UTF_8);
        // When
        HttpResponse<String> response = post(TOKEN, "application/json", body);
        // Then
        assertEquals(422, response.statusCode());
        assertEquals("step", Json.mapper().readTree(response.body()).get("field").asText());
        assertEquals(RejectReason.INVALID_FIELD, onlyDeadLetter().reason());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        // When
        HttpResponse<String> response = post(TOKEN, "text/plain", Codecs.CHECKPOINT_EVENT.write(Examples.checkpoint()));
        // Then
        assertEquals(415, response.statusCode());
        assertEquals(RejectReason.UNSUPPORTED_MEDIA_TYPE, onlyDeadLetter().reason());
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        // Given
        byte[] body = ("{\"pad\":\"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        // When
        HttpResponse<String> response = post(TOKEN, "application/json", body);
        // Then
        assertEquals(413, response.statusCode());
        assertEquals(RejectReason.PAYLOAD_TOO_LARGE, onlyDeadLetter().reason());
    }

    @Test
    void healthzAnswersOk() throws Exception {
        // When
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        // Then
        assertEquals(200, response.statusCode());
    }
}
