package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Vocabulary;

import java.util.List;

/** A real adapter that counts how often, and on how many samples, {@code generate} is called. */
final class CountingModelAdapter implements ModelAdapter {
    private final ModelAdapter delegate;
    private int calls;
    private int samples;

    CountingModelAdapter(ModelAdapter delegate) {
        this.delegate = delegate;
    }

    int generateCalls() {
        return calls;
    }

    int generatedSamples() {
        return samples;
    }

    @Override public ModelInfo info() { return delegate.info(); }

    @Override public Vocabulary vocabulary() { return delegate.vocabulary(); }

    @Override
    public List<Generation> generate(List<ProbeSample> batch, GenerationRequest request) {
        calls++;
        samples += batch.size();
        return delegate.generate(batch, request);
    }

    @Override public float[][] unembed(float[][] vectors, int layer) { return delegate.unembed(vectors, layer); }

    @Override public void close() { delegate.close(); }
}
