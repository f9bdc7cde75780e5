package io.shiftwatch.analyzer.extraction.internal;

import io.shiftwatch.analyzer.extraction.ExtractedStates;
import io.shiftwatch.analyzer.extraction.NonFiniteStates;
import io.shiftwatch.models.Generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accumulates, generation by generation in probe order, the predicting-position rows for every
 * (target, layer); keeps only those rows so a batch's full captured states can be dropped right away.
 * Pure (no I/O); not thread-safe.
 */
public final class StateCollector {
    private final String modelHash;
    private final String probeSetHash;
    private final List<String> targets;
    private final List<Integer> layers;
    private final int hiddenSize;
    private final List<Bucket> buckets = new ArrayList<>();
    private int samples;

    private record Bucket(String target, int layer, List<String> ids, List<Integer> positions, List<float[]> rows) {
        Bucket(String target, int layer) {
            this(target, layer, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public StateCollector(String modelHash, String probeSetHash, List<String> targets, List<Integer> layers, int hiddenSize) {
        this.modelHash = modelHash;
        this.probeSetHash = probeSetHash;
        this.targets = List.copyOf(targets);
        this.layers = List.copyOf(layers);
        this.hiddenSize = hiddenSize;
        for (String t : this.targets)
            for (int l : this.layers) buckets.add(new Bucket(t, l));
    }

    /**
     * Adds one sample's generation. Every captured row of every requested layer must be finite;
     * otherwise nothing of this sample is kept and the first offending value is returned.
     *
     * @throws IllegalStateException when the generation lacks a requested layer or has rows of another
     *                               width (the adapter broke its contract; not a property of the checkpoint)
     */
    public Optional<NonFiniteStates> add(Generation generation) {
        for (int layer : layers) {
            Optional<NonFiniteStates> bad = firstNonFinite(generation, layer, captured(generation, layer));
            if (bad.isPresent()) return bad;
        }
        samples++;
        for (Bucket b : buckets) {
            int j = PredictingPosition.first(generation.tokens(), b.target());
            if (j < 0) continue;
            b.ids().add(generation.sampleId());
            b.positions().add(j);
            b.rows().add(generation.predictingStates().get(b.layer())[j].clone());
        }
        return Optional.empty();
    }

    /** The state sets, targets outer and layers inner, over the samples added so far. */
    public List<ExtractedStates> finish() {
        List<ExtractedStates> out = new ArrayList<>(buckets.size());
        for (Bucket b : buckets)
            out.add(new ExtractedStates(modelHash, probeSetHash, b.target(), b.layer(), hiddenSize, samples, b.ids(),
                    b.positions().stream().mapToInt(Integer::intValue).toArray(), b.rows().toArray(float[][]::new)));
        return out;
    }

    private float[][] captured(Generation generation, int layer) {
        float[][] states = generation.predictingStates().get(layer);
        if (states == null)
            throw new IllegalStateException("the model returned no states for layer " + layer + " of sample "
                    + generation.sampleId() + " although they were requested; its adapter is broken");
        for (float[] row : states)
            if (row.length != hiddenSize)
                throw new IllegalStateException("the model returned " + row.length + "-wide states for layer " + layer
                        + " of sample " + generation.sampleId() + "; its declared hidden size is " + hiddenSize);
        return states;
    }

    private Optional<NonFiniteStates> firstNonFinite(Generation generation, int layer, float[][] states) {
        for (int j = 0; j < states.length; j++)
            for (float v : states[j])
                if (!Float.isFinite(v)) return Optional.of(new NonFiniteStates(modelHash, layer, generation.sampleId(), j, v));
        return Optional.empty();
    }
}
