/**
 * Auditor internals: the rules as pure functions ({@link io.shiftwatch.auditor.internal.ConceptRules},
 * {@link io.shiftwatch.auditor.internal.TrendRules}, {@link io.shiftwatch.auditor.internal.MetricBounds}),
 * the alert lifecycle ({@link io.shiftwatch.auditor.internal.AlertLifecycle}) and the stateful processors
 * and store values of the topology.
 */
package io.shiftwatch.auditor.internal;
