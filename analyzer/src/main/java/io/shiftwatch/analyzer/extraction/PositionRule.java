package io.shiftwatch.analyzer.extraction;

/**
 * Which position of a generated output represents a sample for a target token (PAPER.md §1). One rule
 * exists today; it is an enum because the rule is part of the base-activation cache key and of every
 * result's provenance, so a second rule can never silently reuse states read under the first.
 */
public enum PositionRule {
    /**
     * The state at the FIRST generated position j whose generated token equals the target as a whole
     * token (row j of {@code Generation.predictingStates()}: the state whose next-token prediction is
     * the target). Samples whose output never contains the target are left out of its set.
     */
    FIRST_PREDICTING_POSITION
}
