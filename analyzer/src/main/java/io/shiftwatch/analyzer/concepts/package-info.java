/**
 * Concept dictionaries and their grounding (PAPER.md §2-§3): {@link io.shiftwatch.analyzer.concepts.KMeansDictionary}
 * fits a {@link io.shiftwatch.analyzer.concepts.ConceptDictionary}; {@link io.shiftwatch.analyzer.concepts.TextGrounding},
 * {@link io.shiftwatch.analyzer.concepts.ImageGrounding} and {@link io.shiftwatch.analyzer.concepts.Overlap}
 * read and compare concepts. Pure functions over float[][] [samples, D]; no I/O.
 */
package io.shiftwatch.analyzer.concepts;
