package io.shiftwatch.analyzer.extraction;

/**
 * Result of {@link PairedStates#intersect}: the paired states, or why base and checkpoint cannot be
 * compared for this target and layer. Switch on it exhaustively.
 */
public sealed interface PairingOutcome permits PairedStates, TargetNotFound, StateWidthMismatch {
}
