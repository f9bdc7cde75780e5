package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.Steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a model over probes (greedy, batched through {@link ModelAdapter#generate}) with an optional
 * steering vector, keeping each output and, when {@code captureLayer} is present, the states at that
 * layer that predicted each generated token. Deterministic: same model, probes and steering, same outputs.
 *
 * @param maxNewTokens generation limit per probe (> 0)
 * @param batchSize    probes per {@code generate} call (> 0); progress is reported after each
 */
public record ProbeRunner(int maxNewTokens, int batchSize) {
    public ProbeRunner {
        if (maxNewTokens <= 0) throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }

    /** Outputs of {@code probes} in order; {@code stage} names the work for the progress listener. */
    public List<SampleOutput> run(ModelAdapter model, List<Probe> probes, Optional<Integer> captureLayer,
                                  Optional<Steering> steering, String stage, ExtractionProgress progress) {
        Set<Integer> layers = captureLayer.map(Set::of).orElse(Set.of());
        var request = new GenerationRequest(maxNewTokens, layers, steering);
        List<SampleOutput> out = new ArrayList<>(probes.size());
        progress.onProgress(stage, 0);
        for (int from = 0; from < probes.size(); from += batchSize) {
            List<Probe> batch = probes.subList(from, Math.min(probes.size(), from + batchSize));
            List<ProbeSample> samples = batch.stream().map(Probe::sample).toList();
            List<Generation> generated = model.generate(samples, request);
            for (int i = 0; i < batch.size(); i++) {
                Generation g = generated.get(i);
                if (!g.sampleId().equals(batch.get(i).id()))
                    throw new IllegalStateException("model " + model.info().id() + " returned sample " + g.sampleId()
                            + " where " + batch.get(i).id() + " was expected; its adapter is broken");
                float[][] states = captureLayer.map(l -> g.predictingStates().get(l)).orElse(null);
                out.add(new SampleOutput(batch.get(i), g.tokens(), states));
            }
            progress.onProgress(stage, (double) (from + batch.size()) / probes.size());
        }
        return out;
    }
}
