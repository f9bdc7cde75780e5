package io.shiftwatch.ingest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.ingest.CheckpointEventValidator;
import io.shiftwatch.ingest.CheckpointPublisher;
import io.shiftwatch.ingest.DeadLetter;
import io.shiftwatch.ingest.DeadLetterPublisher;
import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.ingest.RejectReason;
import io.shiftwatch.ingest.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * HTTP ingest for trainers not written in Java: {@code POST /v1/checkpoints} (JSON CheckpointEvent,
 * {@code Authorization: Bearer <token>}) answers 202 {eventId} once Kafka acknowledged it, or
 * 400/401/413/415/422 {error, field, message}; refused bodies (not unauthenticated ones) go to the
 * DLQ. {@code GET /healthz} answers 200. The token is compared in constant time and never logged.
 */
public final class HttpIngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestService.class);

    private final Secret token;
    private final CheckpointEventValidator validator;
    private final CheckpointPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final Duration publishTimeout;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public HttpIngestService(int port, Secret token, CheckpointEventValidator validator, CheckpointPublisher publisher,
                             DeadLetterPublisher deadLetters, Duration publishTimeout) throws IOException {
        this.token = token;
        this.validator = validator;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.publishTimeout = publishTimeout;
        this.server = HttpServer.create(new InetSocketAddress(port), 64);
        server.createContext("/v1/checkpoints", this::checkpoints);
        server.createContext("/healthz", this::health);
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
        LOG.info("HTTP ingest listening on port {} (POST /v1/checkpoints, GET /healthz)", port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode body = Json.mapper().createObjectNode().put("status", "ok");
            respond(exchange, "GET".equals(exchange.getRequestMethod()) ? 200 : 405, body);
        }
    }

    private void checkpoints(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, error("METHOD_NOT_ALLOWED", null, "use POST with a JSON CheckpointEvent"));
                return;
            }
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(exchange, 401, error("UNAUTHORIZED", null, "missing or wrong bearer token"));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), validator.codec().maxBytes() + 1);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                refuse(exchange, body, new ReadResult.Invalid<>(RejectReason.UNSUPPORTED_MEDIA_TYPE, null,
                        "Content-Type must be application/json but was " + contentType));
                return;
            }
            switch (validator.read(body)) {
                case ReadResult.Valid<CheckpointEvent> valid -> accept(exchange, valid.value());
                case ReadResult.Invalid<CheckpointEvent> invalid -> refuse(exchange, body, invalid);
            }
        }
    }

    private boolean authorised(String header) {
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        return token.matches(presented);
    }

    private void accept(HttpExchange exchange, CheckpointEvent event) throws IOException {
        try {
            publisher.publish(event).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("accepted runId={} step={} eventId={}", event.runId(), event.step(), event.eventId());
            respond(exchange, 202, Json.mapper().createObjectNode().put("eventId", event.eventId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, error("UNAVAILABLE", null, "service is shutting down; retry"));
        } catch (Exception e) {
            LOG.warn("Kafka did not acknowledge runId={} step={} ({}); answering 503, the client retries",
                    event.runId(), event.step(), e.toString());
            respond(exchange, 503, error("UNAVAILABLE", null, "Kafka did not acknowledge the event; retry later"));
        }
    }

    private void refuse(HttpExchange exchange, byte[] body, ReadResult.Invalid<?> invalid) throws IOException {
        deadLetters.reject(body, invalid, DeadLetter.Source.HTTP).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("refused body could not be dead-lettered ({}); it is lost", failure.toString());
            }
        });
        LOG.debug("refused {} on {}: {}", invalid.reason(), invalid.field(), invalid.message());
        respond(exchange, invalid.reason().httpStatus(), error(invalid.reason().name(), invalid.field(), invalid.message()));
    }

    private static ObjectNode error(String code, String field, String message) {
        ObjectNode body = Json.mapper().createObjectNode().put("error", code);
        (field == null ? body.putNull("field") : body.put("field", field)).put("message", message);
        return body;
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads up to {@code limit} bytes; a longer body is cut there (the caller sees limit bytes: too large). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
