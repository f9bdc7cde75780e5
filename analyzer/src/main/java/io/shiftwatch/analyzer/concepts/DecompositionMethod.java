package io.shiftwatch.analyzer.concepts;

/** How a concept dictionary was obtained (PAPER.md §2); K-Means is the default and, for now, the only one. */
public enum DecompositionMethod {
    /** Seeded k-means++ with restarts; concepts are centroids, activations {@code 1/(1+||z-u_k||)}. */
    KMEANS
}
