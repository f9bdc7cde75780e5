package io.shiftwatch.models.probe;

import io.shiftwatch.models.ProbeSample;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fixed, content-addressed set of probes: samples (image + prompt + expected answer) and one label
 * map per sample (e.g. place, shapes, profession — what the analyzer groups by). {@code contentHash}
 * is {@link ProbeSetHash#of} over the samples and labels (not the id) and is checked on construction.
 * All samples share {@code imageSize}; ids are unique. Immutable, non-null.
 *
 * @param labels one map per sample, same order and length as {@code samples}
 */
public record ProbeSet(String id, String contentHash, int imageSize, List<ProbeSample> samples,
                       List<Map<String, String>> labels) {
    public ProbeSet {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("probe set id must not be blank");
        samples = List.copyOf(samples);
        labels = labels.stream().map(Map::copyOf).toList();
        if (samples.isEmpty()) throw new IllegalArgumentException("probe set " + id + " has no samples");
        if (labels.size() != samples.size())
            throw new IllegalArgumentException("probe set " + id + ": " + labels.size() + " label maps for "
                    + samples.size() + " samples");
        var ids = new HashSet<String>();
        for (ProbeSample s : samples) {
            if (s.imageSize() != imageSize)
                throw new IllegalArgumentException("probe set " + id + ": sample " + s.id() + " is "
                        + s.imageSize() + " px, the set is " + imageSize + " px");
            if (!ids.add(s.id())) throw new IllegalArgumentException("probe set " + id + ": duplicate sample id " + s.id());
        }
        String actual = ProbeSetHash.of(imageSize, samples, labels);
        if (!actual.equals(Objects.requireNonNull(contentHash, "contentHash")))
            throw new ProbeSetHashMismatchException("probe set " + id + ": content hash " + contentHash
                    + " does not match the samples (" + actual + "); build it with ProbeSet.of");
    }

    /** Builds a probe set, computing its content hash. */
    public static ProbeSet of(String id, int imageSize, List<ProbeSample> samples, List<Map<String, String>> labels) {
        return new ProbeSet(id, ProbeSetHash.of(imageSize, samples, labels), imageSize, samples, labels);
    }

    /** Number of samples. */
    public int size() {
        return samples.size();
    }
}
