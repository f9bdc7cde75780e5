/**
 * The auditor: turns the analyzer's concept-drift measurements into findings and alerts.
 * Entry points: {@link io.shiftwatch.auditor.AuditorTopology#build} (the Kafka Streams topology),
 * {@link io.shiftwatch.auditor.AuditorCli} (the {@code auditor} command), {@link io.shiftwatch.auditor.Finding}
 * (the sealed finding types with their evidence), {@link io.shiftwatch.auditor.Alert} and
 * {@link io.shiftwatch.auditor.Alerts} (the alerts topic and its serde), {@link io.shiftwatch.auditor.AuditorSettings}
 * (every configuration key) and {@link io.shiftwatch.auditor.AuditorConfig} (the typed rule parameters).
 * {@link io.shiftwatch.auditor.AuditorService} runs the topology with the alert recorder (alerts ->
 * PostgreSQL findings + hash-chained audit log, exactly once) and the webhooks
 * ({@code io.shiftwatch.auditor.webhook}); {@code gate} and {@code audit verify|ack} are the offline
 * commands. {@link io.shiftwatch.auditor.FindingState} is a stored finding's state (ACKNOWLEDGED and
 * RESOLVED do not block the gate); {@link io.shiftwatch.auditor.AlertDeadLetter} the DLQ record.
 * See auditor/README.md for the decisions (acknowledged findings, missing runs row, exactly-once).
 */
package io.shiftwatch.auditor;
