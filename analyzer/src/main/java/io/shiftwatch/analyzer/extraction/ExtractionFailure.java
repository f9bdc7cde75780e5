package io.shiftwatch.analyzer.extraction;

/**
 * An expected failure of extraction or pairing, as a value: the checkpoint (or this target of it) is
 * marked failed with {@link #reason()} and the service goes on with the next work.
 */
public sealed interface ExtractionFailure permits NonFiniteStates, TargetNotFound, StateWidthMismatch {

    /** One sentence for people: what was wrong and what it means for the analysis. */
    String reason();
}
