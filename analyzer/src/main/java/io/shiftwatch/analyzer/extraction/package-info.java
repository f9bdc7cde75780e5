/**
 * Hidden-state extraction (PAPER.md §1). Entry points:
 * <ul>
 *   <li>{@link io.shiftwatch.analyzer.extraction.HiddenStateExtractor#extract} runs a
 *       {@link io.shiftwatch.models.ModelAdapter} over a probe set (greedy, batched) and returns a
 *       {@link io.shiftwatch.analyzer.extraction.ProbeExtraction}: every sample's generated output and,
 *       per target token and layer, the states at the position that predicts the target
 *       ({@link io.shiftwatch.analyzer.extraction.ExtractedStates}), or a
 *       {@link io.shiftwatch.analyzer.extraction.NonFiniteStates} failure;</li>
 *   <li>{@link io.shiftwatch.analyzer.extraction.BaseActivationCache#extract} does the same for a base model
 *       through a content-addressed on-disk cache keyed by
 *       {@link io.shiftwatch.analyzer.extraction.BaseActivationKey};</li>
 *   <li>{@link io.shiftwatch.analyzer.extraction.PairedStates#intersect} pairs base and checkpoint states on the
 *       samples where both produced the target (or says why not:
 *       {@link io.shiftwatch.analyzer.extraction.TargetNotFound},
 *       {@link io.shiftwatch.analyzer.extraction.StateWidthMismatch});</li>
 *   <li>{@link io.shiftwatch.analyzer.extraction.Npy} reads and writes float32 {@code .npy} files.</li>
 * </ul>
 * Progress is reported through {@link io.shiftwatch.analyzer.extraction.ExtractionProgress}. No engine types
 * appear here; everything under {@code internal} is private to this package.
 */
package io.shiftwatch.analyzer.extraction;
