/**
 * Webhook delivery of alerts: {@link io.shiftwatch.auditor.webhook.WebhookDispatcher} (off the
 * recorder's thread, attempts recorded, DLQ after the last), {@link io.shiftwatch.auditor.webhook.WebhookSignature}
 * (the {@code X-Shiftwatch-Signature} HMAC receivers verify), {@link io.shiftwatch.auditor.webhook.Backoff}
 * and {@link io.shiftwatch.auditor.webhook.WebhookRoutes} (global and per run label).
 */
package io.shiftwatch.auditor.webhook;
