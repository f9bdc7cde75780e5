/**
 * Concept drift from base to checkpoint (PAPER.md §4): {@link io.shiftwatch.analyzer.drift.DriftAnalysis#compare}
 * produces a {@link io.shiftwatch.analyzer.drift.DriftReport}; its parts ({@link io.shiftwatch.analyzer.drift.Hungarian},
 * {@link io.shiftwatch.analyzer.drift.ConceptShift}, {@link io.shiftwatch.analyzer.drift.Recovery},
 * {@link io.shiftwatch.analyzer.drift.ShiftConsistency}, {@link io.shiftwatch.analyzer.drift.Correlation}) are usable
 * alone. {@link io.shiftwatch.analyzer.drift.NullCalibration} gives each {@link io.shiftwatch.analyzer.drift.DriftMetric}
 * a {@link io.shiftwatch.analyzer.drift.NullDistribution}. Pure functions; no I/O.
 */
package io.shiftwatch.analyzer.drift;
