package io.shiftwatch.analyzer.extraction;

/**
 * Result of running one model over a probe set: the extraction, or the expected failure that stopped it.
 * Switch on it exhaustively.
 */
public sealed interface ExtractionOutcome permits ProbeExtraction, NonFiniteStates {
}
