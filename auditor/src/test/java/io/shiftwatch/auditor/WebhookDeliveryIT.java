package io.shiftwatch.auditor;

import com.sun.net.httpserver.HttpServer;
import io.shiftwatch.auditor.internal.AlertDeadLetters;
import io.shiftwatch.auditor.internal.FindingLedger;
import io.shiftwatch.auditor.webhook.Backoff;
import io.shiftwatch.auditor.webhook.WebhookDispatcher;
import io.shiftwatch.auditor.webhook.WebhookRoutes;
import io.shiftwatch.auditor.webhook.WebhookSignature;
import io.shiftwatch.ingest.Secret;
import io.shiftwatch.ingest.TopicAdmin;
import io.shiftwatch.ingest.Topics;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ThrowawayDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook delivery against a real JDK HttpServer, a throwaway database and the real broker: a
 * receiver that checks the HMAC gets the alert once; one that answers 500 gets every attempt, each
 * recorded, and the alert lands on the alerts DLQ with the reason.
 */
class WebhookDeliveryIT {
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private ThrowawayDatabase db;
    private HttpServer server;
    private Topics topics;
    private String bootstrap;
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private final List<Integer> failedCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        bootstrap = KafkaIt.bootstrap();
        db = ThrowawayDatabase.migrated();
        topics = Topics.withPrefix("it-" + UUID.randomUUID() + ".");
        TopicAdmin.ensureTopics(bootstrap, List.of(Alerts.deadLetterTopic(topics).name()), 1, (short) 1, Duration.ofSeconds(30));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = WebhookSignature.matches(SECRET, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            if (signed) verified.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            failedCalls.add(1);
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        KafkaIt.deleteTopics(bootstrap, topics.prefix());
        db.close();
    }

    @Test
    void aSignedAlertIsDeliveredAndAFailingReceiverEndsInTheDlq() throws Exception {
        // Given a recorded alert and routes to a good and a broken receiver
        Alert alert = AlertFixtures.alert("run-hook", 20, Alert.State.RAISED, 20, Severity.CRITICAL, 3);
        DataSource dataSource = Database.dataSource(db.config);
        Database.inTransaction(dataSource, c -> FindingLedger.record(c, alert, Instant.now()));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        var settings = new WebhookDispatcher.Settings(new WebhookRoutes(List.of(URI.create(base + "/ok"),
                URI.create(base + "/broken")), List.of()), new Secret(SECRET),
                new Backoff(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)), Duration.ofSeconds(5));
        // When
        try (AlertDeadLetters deadLetters = new AlertDeadLetters(bootstrap, topics);
             WebhookDispatcher dispatcher = new WebhookDispatcher(settings, dataSource, deadLetters, Clock.systemUTC())) {
            dispatcher.submit(alert);
            awaitCount("SELECT count(*) FROM webhook_deliveries WHERE outcome IN ('DELIVERED', 'DEAD_LETTERED')", 2);
        }
        // Then
        assertEquals(List.of(Alerts.CODEC.writeString(alert)), verified);
        assertEquals(3, failedCalls.size());
        assertEquals("/broken:1:RETRYING:500,/broken:2:RETRYING:500,/broken:3:DEAD_LETTERED:500,/ok:1:DELIVERED:204",
                text("SELECT string_agg(substring(url from '/[a-z]+$') || ':' || attempt || ':' || outcome || ':' || status_code,"
                        + " ',' ORDER BY url, attempt) FROM webhook_deliveries"));
        List<AlertDeadLetter> letters = readDeadLetters();
        assertEquals(1, letters.size());
        AlertDeadLetter letter = letters.getFirst();
        assertEquals(AlertDeadLetter.Reason.UNDELIVERABLE, letter.reason());
        assertEquals(alert.alertId(), letter.alertId());
        assertTrue(letter.message().contains("HTTP 500"), letter.message());
        assertArrayEquals(Alerts.CODEC.write(alert), java.util.Base64.getDecoder().decode(letter.originalBase64()));
    }

    private List<AlertDeadLetter> readDeadLetters() {
        var topic = Alerts.deadLetterTopic(topics);
        List<AlertDeadLetter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plusSeconds(20);
            while (letters.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
            }
        }
        return letters;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void awaitCount(String sql, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count(sql) < expected && Instant.now().isBefore(deadline)) Thread.sleep(100);
        assertEquals(expected, count(sql), sql);
    }
}
