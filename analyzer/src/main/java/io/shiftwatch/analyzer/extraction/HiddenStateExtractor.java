package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.analyzer.extraction.internal.StateCollector;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.ProbeSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a model over a probe set with greedy generation, in batches of {@code request.batchSize()},
 * capturing the requested layers, and keeps for each (target, layer) the state at the position that
 * predicts the target ({@link PositionRule}). Deterministic for a deterministic adapter. Holds no
 * model; thread-safe (the adapter passed in is not, so use one adapter per thread).
 */
public final class HiddenStateExtractor {
    /**
     * Version of the extraction code: bump it whenever a change could alter extracted states or outputs,
     * so base activations cached by older code are recomputed instead of reused.
     */
    public static final int CODE_VERSION = 1;
    /** Stage name reported to {@link ExtractionProgress} while generating. */
    public static final String STAGE = "extracting hidden states";
    private static final Logger LOG = LoggerFactory.getLogger(HiddenStateExtractor.class);

    private final ExtractionRequest request;

    public HiddenStateExtractor(ExtractionRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    public ExtractionRequest request() {
        return request;
    }

    /**
     * Extracts from {@code model} over {@code probes} (non-empty, distinct ids), reporting progress per batch.
     * Returns {@link NonFiniteStates} as soon as a captured state is NaN/Inf.
     *
     * @throws IllegalArgumentException when a requested layer does not exist in the model (the message names the
     *                                  valid range) or the probe list is empty or has duplicate ids
     */
    public ExtractionOutcome extract(ModelAdapter model, List<ProbeSample> probes, ExtractionProgress progress) {
        ModelInfo info = model.info();
        requireUsableProbes(probes);
        for (int layer : request.layers()) info.resolveLayer(layer);
        String probeSetHash = ProbeSetDigest.of(probes);
        var collector = new StateCollector(info.contentHash(), probeSetHash, request.targets(), request.layers(), info.hiddenSize());
        var generation = new GenerationRequest(request.maxNewTokens(), Set.copyOf(request.layers()), Optional.empty());
        List<GeneratedOutput> outputs = new ArrayList<>(probes.size());
        progress.onProgress(STAGE, 0.0);
        for (int from = 0; from < probes.size(); from += request.batchSize()) {
            List<ProbeSample> batch = probes.subList(from, Math.min(probes.size(), from + request.batchSize()));
            List<Generation> generations = model.generate(batch, generation);
            requireSameSamples(batch, generations, info);
            for (Generation g : generations) {
                Optional<NonFiniteStates> bad = collector.add(g);
                if (bad.isPresent()) {
                    LOG.warn("non-finite hidden state, extraction stopped: model={} layer={} sample={} position={}",
                            info.contentHash(), bad.get().layer(), bad.get().sampleId(), bad.get().position());
                    return bad.get();
                }
                outputs.add(new GeneratedOutput(g.sampleId(), g.tokens()));
            }
            progress.onProgress(STAGE, (double) (from + batch.size()) / probes.size());
        }
        var extraction = new ProbeExtraction(info.contentHash(), probeSetHash, request, outputs, collector.finish());
        LOG.info("extracted hidden states: model={} probeSet={} samples={} layers={} occurrences={}", info.contentHash(),
                probeSetHash, probes.size(), request.layers(), occurrences(extraction));
        return extraction;
    }

    private static void requireUsableProbes(List<ProbeSample> probes) {
        if (probes.isEmpty()) throw new IllegalArgumentException("the probe set is empty; there is nothing to extract");
        Set<String> ids = new HashSet<>();
        for (ProbeSample s : probes)
            if (!ids.add(s.id())) throw new IllegalArgumentException("probe sample id '" + s.id() + "' occurs twice; ids must be unique");
    }

    private static void requireSameSamples(List<ProbeSample> batch, List<Generation> generations, ModelInfo info) {
        if (generations.size() != batch.size())
            throw new IllegalStateException("model " + info.id() + " returned " + generations.size() + " generations for "
                    + batch.size() + " samples; its adapter is broken");
        for (int i = 0; i < batch.size(); i++)
            if (!batch.get(i).id().equals(generations.get(i).sampleId()))
                throw new IllegalStateException("model " + info.id() + " returned sample " + generations.get(i).sampleId()
                        + " where " + batch.get(i).id() + " was expected; its adapter is broken");
    }

    private String occurrences(ProbeExtraction extraction) {
        var parts = new ArrayList<String>();
        int firstLayer = request.layers().getFirst();
        for (String t : request.targets()) parts.add(t + "=" + extraction.states(t, firstLayer).count());
        return String.join(",", parts);
    }
}
