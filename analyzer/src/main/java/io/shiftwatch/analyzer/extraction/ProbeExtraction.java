package io.shiftwatch.analyzer.extraction;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything one model produced on one probe set: the generated output of every sample (in probe
 * order) and one {@link ExtractedStates} per (target, layer) of the request.
 *
 * @param modelHash    content hash of the model
 * @param probeSetHash {@link ProbeSetDigest} of the probe set
 * @param request      what was extracted
 * @param outputs      one per probe sample, in probe order, ids distinct
 * @param states       exactly one per (target, layer) of {@code request}, targets outer, layers inner
 */
public record ProbeExtraction(String modelHash, String probeSetHash, ExtractionRequest request,
                              List<GeneratedOutput> outputs, List<ExtractedStates> states) implements ExtractionOutcome {
    public ProbeExtraction {
        Objects.requireNonNull(request, "request");
        outputs = List.copyOf(outputs);
        states = List.copyOf(states);
        if (new HashSet<>(outputs.stream().map(GeneratedOutput::sampleId).toList()).size() != outputs.size())
            throw new IllegalArgumentException("probe extraction has duplicate sample ids");
        int expected = request.targets().size() * request.layers().size();
        if (states.size() != expected)
            throw new IllegalArgumentException(states.size() + " state sets for " + request.targets().size()
                    + " targets x " + request.layers().size() + " layers");
        int i = 0;
        for (String target : request.targets())
            for (int layer : request.layers()) {
                ExtractedStates s = states.get(i++);
                if (!s.target().equals(target) || s.layer() != layer || !s.modelHash().equals(modelHash)
                        || !s.probeSetHash().equals(probeSetHash) || s.probeSize() != outputs.size())
                    throw new IllegalArgumentException("state set " + (i - 1) + " is for target '" + s.target() + "' layer "
                            + s.layer() + " of model " + s.modelHash() + "; expected target '" + target + "' layer " + layer
                            + " of model " + modelHash + " over " + outputs.size() + " samples");
            }
    }

    /** The states for {@code target} at {@code layer}; throws naming the request when it was not extracted. */
    public ExtractedStates states(String target, int layer) {
        int t = request.targets().indexOf(target), l = request.layers().indexOf(layer);
        if (t < 0 || l < 0)
            throw new IllegalArgumentException("target '" + target + "' at layer " + layer + " was not extracted; targets "
                    + request.targets() + ", layers " + request.layers());
        return states.get(t * request.layers().size() + l);
    }

    /** Number of samples in the probe set. */
    public int probeSize() {
        return outputs.size();
    }
}
