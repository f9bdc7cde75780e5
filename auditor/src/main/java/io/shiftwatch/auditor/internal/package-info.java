/**
 * Auditor internals: the rules as pure functions ({@link io.shiftwatch.auditor.internal.ConceptRules},
 * {@link io.shiftwatch.auditor.internal.TrendRules}, {@link io.shiftwatch.auditor.internal.MetricBounds}),
 * the alert lifecycle ({@link io.shiftwatch.auditor.internal.AlertLifecycle}) and the stateful processors
 * and store values of the topology; the PostgreSQL side: {@link io.shiftwatch.auditor.internal.AlertRecorder}
 * (alerts topic -> {@link io.shiftwatch.auditor.internal.FindingLedger}, one transaction per alert),
 * {@link io.shiftwatch.auditor.internal.FindingStates} (acknowledged findings), and the pure parts of the
 * offline commands ({@link io.shiftwatch.auditor.internal.GateDecision},
 * {@link io.shiftwatch.auditor.internal.ChainVerification}, {@link io.shiftwatch.auditor.internal.FindingLines}).
 */
package io.shiftwatch.auditor.internal;
