package io.shiftwatch.analyzer.concepts;

/**
 * The logit lens as the concept math sees it: maps vectors living at the analysed layer to
 * vocabulary logits (PAPER.md §3, "push u_k through the unembedding W_U, applying the final norm
 * first when the layer is not already after it"). Shapes: {@code vectors} [n, D] → [n, V], where V
 * is the size of the vocabulary token list handed to the grounding functions. The service adapts
 * {@code io.shiftwatch.models.ModelAdapter#unembed} to this interface; tests use a plain matrix.
 * Must be deterministic; never returns null.
 */
@FunctionalInterface
public interface Unembedding {

    /** Logits [n, V] for {@code vectors} [n, D]. */
    float[][] logits(float[][] vectors);
}
