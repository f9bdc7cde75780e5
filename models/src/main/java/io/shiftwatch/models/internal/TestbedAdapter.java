package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Steering;
import io.shiftwatch.models.Vocabulary;
import io.shiftwatch.models.WordVocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ModelAdapter} over a testbed VLM. Generation runs in chunks of {@code batchSize} with the
 * KV cache. Captured states are keyed by the layer numbers as requested (so {@link ModelAdapter#FINAL_NORM}
 * stays -1), and at the steering layer they are the steered states.
 */
public final class TestbedAdapter implements ModelAdapter {
    private final NDManager manager;
    private final boolean ownsManager;
    private final TestbedVlm model;
    private final WordVocabulary vocabulary;
    private final ModelInfo info;
    private final ParameterStore ps;
    private final int batchSize;

    /** {@code ownsManager}: close the model's manager (and so its weights) when the adapter closes. */
    public TestbedAdapter(NDManager manager, boolean ownsManager, TestbedVlm model, WordVocabulary vocabulary,
                          ModelInfo info, int batchSize) {
        this.manager = manager;
        this.ownsManager = ownsManager;
        this.model = model;
        this.vocabulary = vocabulary;
        this.info = info;
        this.ps = new ParameterStore(manager, false);
        this.batchSize = batchSize;
    }

    @Override public ModelInfo info() { return info; }

    @Override public Vocabulary vocabulary() { return vocabulary; }

    @Override
    public List<Generation> generate(List<ProbeSample> samples, GenerationRequest request) {
        request.steering().ifPresent(this::checkSteering);
        Map<Integer, Integer> resolved = new HashMap<>();
        for (int layer : request.captureLayers()) resolved.put(layer, info.resolveLayer(layer));
        for (ProbeSample s : samples)
            if (s.imageSize() != info.imageSize())
                throw new IllegalArgumentException("sample " + s.id() + " has a " + s.imageSize() + "px image; model "
                        + info.id() + " reads " + info.imageSize() + "px images");
        GreedyDecoder decoder = decoder(true);
        List<Generation> out = new ArrayList<>(samples.size());
        for (int from = 0; from < samples.size(); from += batchSize) {
            var chunk = samples.subList(from, Math.min(samples.size(), from + batchSize));
            for (Generation g : decoder.generate(chunk, request.maxNewTokens(), Set.copyOf(resolved.values()), request.steering()))
                out.add(byRequestedLayer(g, resolved));
        }
        return out;
    }

    private static Generation byRequestedLayer(Generation g, Map<Integer, Integer> resolved) {
        Map<Integer, float[][]> states = new HashMap<>();
        resolved.forEach((requested, index) -> states.put(requested, g.predictingStates().get(index)));
        return new Generation(g.sampleId(), g.tokens(), g.tokenIds(), states);
    }

    private void checkSteering(Steering s) {
        if (s.layer() < 0 || s.layer() > info.numLayers())
            throw new IllegalArgumentException("steering layer " + s.layer() + " is outside 0.." + info.numLayers()
                    + " of model " + info.id() + " (the final-norm output cannot be steered)");
        if (s.vector().length != info.hiddenSize())
            throw new IllegalArgumentException("steering vector has " + s.vector().length + " values; model " + info.id()
                    + " has hidden size " + info.hiddenSize());
        s.gate().ifPresent(g -> {
            for (int k = 0; k < g.centroids().length; k++)
                if (g.centroids()[k].length != info.hiddenSize())
                    throw new IllegalArgumentException("gate centroid " + k + " has " + g.centroids()[k].length
                            + " values; model hidden size is " + info.hiddenSize());
        });
    }

    @Override
    public float[][] unembed(float[][] vectors, int layer) {
        int resolved = info.resolveLayer(layer);
        int d = info.hiddenSize();
        if (vectors.length == 0) return new float[0][];
        float[] flat = new float[vectors.length * d];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != d)
                throw new IllegalArgumentException("unembed: vector " + i + " has " + vectors[i].length
                        + " values, expected [n, " + d + "]");
            System.arraycopy(vectors[i], 0, flat, i * d, d);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(flat, new Shape(1, vectors.length, d));
            if (resolved != info.finalNormLayer()) x = model.finalNorm(ps, x, false);
            float[] logits = model.logits(ps, x, false).toFloatArray();
            int v = info.vocabSize();
            float[][] out = new float[vectors.length][];
            for (int i = 0; i < vectors.length; i++) out[i] = java.util.Arrays.copyOfRange(logits, i * v, (i + 1) * v);
            return out;
        }
    }

    /** The decoder behind {@link #generate}; {@code useKvCache = false} recomputes the prefix each step. */
    GreedyDecoder decoder(boolean useKvCache) {
        return new GreedyDecoder(model, ps, manager, vocabulary, useKvCache);
    }

    /** Every position's states (by resolved layer) and logits for prompt + continuation; see {@link GreedyDecoder#trace}. */
    GreedyDecoder.Trace trace(ProbeSample sample, int[] continuation, Set<Integer> resolvedLayers, Optional<Steering> steering) {
        steering.ifPresent(this::checkSteering);
        return decoder(false).trace(sample, continuation, resolvedLayers, steering);
    }

    @Override
    public void close() {
        if (ownsManager) manager.close();
    }
}
