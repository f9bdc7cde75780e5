package io.shiftwatch.analyzer.steering;

/** How a steering vector was made (PAPER.md §6); the {@code kind} column of {@code steering_vectors}. */
public enum SteeringKind {
    /** {@code mean(target) - mean(source)}, added at every position of its token range. */
    COARSE,
    /** {@code u_j - u_i} between two concepts of a dictionary, added only where concept i is the nearest. */
    FINE
}
