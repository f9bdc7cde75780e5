/**
 * Analyzer: PAPER.md §2-§4 as pure math. Entry points: {@link io.shiftwatch.analyzer.concepts.KMeansDictionary}
 * (concept dictionaries), {@link io.shiftwatch.analyzer.concepts.TextGrounding} and
 * {@link io.shiftwatch.analyzer.concepts.ImageGrounding} (grounding),
 * {@link io.shiftwatch.analyzer.drift.DriftAnalysis} (the whole comparison of a checkpoint with its base) and
 * {@link io.shiftwatch.analyzer.drift.NullCalibration} (null distributions from the base against itself).
 * Models are seen only through {@link io.shiftwatch.analyzer.concepts.Unembedding}. Everything under an
 * {@code internal} package is private to this module.
 */
package io.shiftwatch.analyzer;
