package io.shiftwatch.models;

import java.util.List;

/**
 * A loaded multimodal language model, seen through Shiftwatch's own types (no engine types cross
 * this interface). Implementations: the testbed VLM (first), later Hugging Face safetensors and
 * TorchScript models; the analyzer and steering code depend only on this interface.
 *
 * <p>Layer numbering (used everywhere in Shiftwatch): {@code 0} is the residual stream after the
 * token/prefix embeddings, {@code l} in {@code 1..numLayers} the residual stream after decoder
 * block {@code l}, and {@link #FINAL_NORM} (= {@code numLayers + 1}, see {@link ModelInfo#finalNormLayer()})
 * the output of the final norm, where the unembedding applies directly (a true logit lens).
 *
 * <p>Instances own native memory: close them. Not thread-safe; one adapter per worker thread.
 * Obtain one with {@link ModelAdapters#open}.
 */
public interface ModelAdapter extends AutoCloseable {

    /** Symbolic layer index meaning "output of the final norm"; resolve with {@link ModelInfo#resolveLayer(int)}. */
    int FINAL_NORM = -1;

    /** Identity and shapes of the loaded model; never null. */
    ModelInfo info();

    /** The model's tokenizer/vocabulary; never null. */
    Vocabulary vocabulary();

    /**
     * Greedy generation for a batch of samples. For every sample returns the generated tokens and,
     * for each layer in {@code request.captureLayers()}, the hidden states at the positions that
     * PREDICT each generated token (row j = the state whose next-token prediction is generated token j;
     * row 0 is the last prompt position). Applies {@code request.steering()} when present.
     * Results are in the order of {@code samples}. Deterministic: same inputs, same outputs.
     *
     * <p>The predicting-state map is keyed by the layer numbers exactly as requested (a requested
     * {@link #FINAL_NORM} stays {@code -1}). At the steering layer the captured states are the steered
     * ones (what flows on into the next block). Generation stops per sample at the end token, after
     * {@code maxNewTokens}, or when the sample reaches the model's context length.
     *
     * @throws IllegalArgumentException when a sample's image size, a steering vector/centroid width or a
     *                                  layer does not fit the model (the message names which)
     */
    List<Generation> generate(List<ProbeSample> samples, GenerationRequest request);

    /**
     * Logit lens: maps vectors living at {@code layer} to vocabulary logits, applying the final norm
     * first unless {@code layer} already is the final-norm output. Shapes: {@code vectors} [n, hidden]
     * → result [n, vocabSize].
     */
    float[][] unembed(float[][] vectors, int layer);

    @Override
    void close();
}
