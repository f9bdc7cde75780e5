/**
 * The auditor: turns the analyzer's concept-drift measurements into findings and alerts.
 * Entry points: {@link io.shiftwatch.auditor.AuditorTopology#build} (the Kafka Streams topology),
 * {@link io.shiftwatch.auditor.AuditorCli} (the {@code auditor} command), {@link io.shiftwatch.auditor.Finding}
 * (the sealed finding types with their evidence), {@link io.shiftwatch.auditor.Alert} and
 * {@link io.shiftwatch.auditor.Alerts} (the alerts topic and its serde), {@link io.shiftwatch.auditor.AuditorSettings}
 * (every configuration key) and {@link io.shiftwatch.auditor.AuditorConfig} (the typed rule parameters).
 */
package io.shiftwatch.auditor;
