package io.shiftwatch.analyzer.concepts;

/**
 * A way to decompose representations {@code Z ~= U V} into a concept dictionary (PAPER.md §2).
 * Implementations are deterministic for their configuration (seed included) and must not depend
 * on the order of the samples. Input {@code z} is [M samples, D], never modified.
 */
public interface ConceptDecomposition {

    /** Decomposes {@code z} [M, D] into a dictionary of concepts; never null. */
    ConceptDictionary decompose(float[][] z);
}
