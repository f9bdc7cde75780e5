package io.shiftwatch.auditor.webhook;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.AlertDeadLetter;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.auditor.internal.AlertDeadLetters;
import io.shiftwatch.ingest.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers recorded alerts to webhooks off the recorder's thread: {@link #submit} returns at once;
 * a small scheduler POSTs the alert JSON ({@link Alerts#CODEC}) signed with {@link WebhookSignature}
 * to every URL of {@link WebhookRoutes}, retries a failure (non-2xx or I/O error) after
 * {@link Backoff#delayBefore}, records every attempt in {@code webhook_deliveries} (DELIVERED,
 * RETRYING, DEAD_LETTERED) and sends an alert that exhausted its attempts to the alerts DLQ with the
 * last failure. Pending deliveries live in memory: a crash loses the retries not yet made.
 */
public final class WebhookDispatcher implements AutoCloseable, Consumer<Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Where and how to deliver; {@code secret} signs every body. */
    public record Settings(WebhookRoutes routes, Secret secret, Backoff backoff, Duration timeout) {
    }

    private final Settings settings;
    private final DeliveryRecords records;
    private final AlertDeadLetters deadLetters;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    public WebhookDispatcher(Settings settings, DataSource dataSource, AlertDeadLetters deadLetters, Clock clock) {
        this.settings = settings;
        this.records = new DeliveryRecords(dataSource);
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("webhooks-", 0).daemon().factory());
    }

    /** Schedules delivery of {@code alert} to its run's URLs; never blocks. */
    @Override
    public void accept(Alert alert) {
        submit(alert);
    }

    public void submit(Alert alert) {
        if (settings.routes().isEmpty()) return;
        scheduler.execute(() -> {
            Map<String, String> labels = records.labelsOf(alert.runId());
            byte[] body = Alerts.CODEC.write(alert);
            String signature = WebhookSignature.sign(settings.secret().reveal(), body);
            for (URI url : settings.routes().urlsFor(labels)) {
                attempt(new Delivery(alert, body, signature, url), 1);
            }
        });
    }

    private record Delivery(Alert alert, byte[] body, String signature, URI url) {
    }

    private void attempt(Delivery d, int attempt) {
        Integer status = null;
        String failure;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(d.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header(WebhookSignature.HEADER, d.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            failure = status / 100 == 2 ? null : "HTTP " + status;
        } catch (java.io.IOException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure == null) {
            records.attempt(d.alert().alertId(), d.url(), attempt, status, "DELIVERED", null, clock.instant());
        } else if (settings.backoff().hasNext(attempt)) {
            records.attempt(d.alert().alertId(), d.url(), attempt, status, "RETRYING", failure, clock.instant());
            Duration wait = settings.backoff().delayBefore(attempt + 1);
            scheduler.schedule(() -> attempt(d, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            records.attempt(d.alert().alertId(), d.url(), attempt, status, "DEAD_LETTERED", failure, clock.instant());
            deadLetter(d, attempt, failure);
        }
    }

    private void deadLetter(Delivery d, int attempts, String failure) {
        String message = "webhook " + d.url() + " failed " + attempts + " attempt(s); last: " + failure;
        try {
            deadLetters.publish(d.alert().runId(), AlertDeadLetter.undeliverable(d.alert(), d.body(), d.url().toString(),
                    attempts, message, clock.instant()));
            LOG.atWarn().addKeyValue("runId", d.alert().runId()).addKeyValue("step", d.alert().step())
                    .log("{}; alert {} sent to {}", message, d.alert().alertId(), deadLetters.topicName());
        } catch (IllegalStateException e) {
            LOG.atError().addKeyValue("runId", d.alert().runId())
                    .log("{}; the DLQ refused it too ({}); the alert stays in findings and audit_log", message, e.getMessage());
        }
    }

    /** Stops taking work and waits up to {@code grace} for attempts in flight. */
    public void close(Duration grace) {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
