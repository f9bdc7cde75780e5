package io.shiftwatch.analyzer.drift;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.concepts.Unembedding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Null distributions of every {@link DriftMetric} from the base model against itself
 * (ARCHITECTURE.md, Auditor), for one target and layer. Each of {@code repeats} rounds adds
 * (a) re-seeded K-Means: the base dictionary (config seed) against a dictionary of the same base
 * states with a fresh seed; (b) bootstrap halves: the samples split at random into two halves
 * (sizes floor(M/2) and the rest), a dictionary fitted on each, compared over all M samples.
 * Both comparisons run through {@link DriftAnalysis#compareDictionaries} with the base states on
 * both sides, so per-sample shifts are exactly zero: the shift metrics (magnitude, consistency,
 * mean sample shift, recovery) have a degenerate null at 0 — any real shift lies above it — while
 * the matching metrics (cosine, T-Overlap, image overlap, emergent count, Overlap) measure the
 * instability of the dictionary itself. Deterministic per {@code seed}. Metrics that produced no
 * finite value are absent from {@code distributions}.
 */
public record NullCalibration(String target, int layer, long seed, int repeats,
                              Map<DriftMetric, NullDistribution> distributions) {

    public NullCalibration {
        if (target == null || distributions == null || repeats < 1) {
            throw new IllegalArgumentException("target and distributions must not be null, repeats >= 1");
        }
        distributions = Map.copyOf(distributions);
    }

    /** Builds the null distributions; needs M >= 2K samples for the halves. */
    public static NullCalibration build(LayerStates base, DriftConfig config, long seed, int repeats,
                                        Unembedding unembedding, List<String> vocab) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        int m = base.sampleCount();
        int maxK = Math.max(config.kmeans().k(), config.checkpointK());
        if (m / 2 < maxK) {
            throw new IllegalArgumentException("bootstrap halves need M >= 2K samples: M = " + m + ", K = " + maxK);
        }
        ConceptDictionary baseDictionary = KMeansDictionary.fit(base.states(), config.kmeans());
        SplittableRandom random = new SplittableRandom(seed);
        Map<DriftMetric, List<Double>> values = new EnumMap<>(DriftMetric.class);
        for (int r = 0; r < repeats; r++) {
            long reseed = random.nextLong();
            if (reseed == config.kmeans().seed()) {
                reseed++;
            }
            ConceptDictionary reseeded = KMeansDictionary.fit(base.states(), config.checkpointKMeans().withSeed(reseed));
            collect(values, DriftAnalysis.compareDictionaries(base, base, baseDictionary, reseeded, config,
                    unembedding, vocab));
            int[] order = shuffled(m, random);
            ConceptDictionary first = KMeansDictionary.fit(rows(base.states(), order, 0, m / 2), config.kmeans());
            ConceptDictionary second = KMeansDictionary.fit(rows(base.states(), order, m / 2, m),
                    config.checkpointKMeans());
            collect(values, DriftAnalysis.compareDictionaries(base, base, first, second, config, unembedding, vocab));
        }
        Map<DriftMetric, NullDistribution> distributions = new EnumMap<>(DriftMetric.class);
        values.forEach((metric, v) -> {
            if (!v.isEmpty()) {
                distributions.put(metric, new NullDistribution(metric, v.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        });
        return new NullCalibration(base.target(), base.layer(), seed, repeats, distributions);
    }

    /** A reference checkpoint's states paired with the base's over the samples where both produce the target. */
    public record Reference(LayerStates base, LayerStates checkpoint) {
        public Reference {
            if (base.sampleCount() != checkpoint.sampleCount())
                throw new IllegalArgumentException("reference pairs " + base.sampleCount() + " base with "
                        + checkpoint.sampleCount() + " checkpoint samples");
        }
    }

    /**
     * Null distributions from the base against control fine-tunes of it (more training, nothing planted), which
     * carry the noise of training itself that the base against itself lacks: for each reference with at least
     * 2K paired samples and each of {@code repeats} rounds, the base dictionary of the paired base states (config
     * seed) against a dictionary of the reference's states with a fresh seed, compared exactly like a checkpoint
     * (so the shift metrics get a real, non-degenerate null). Empty when no reference has enough samples.
     */
    public static java.util.Optional<NullCalibration> fromReferences(String target, int layer, List<Reference> references,
                                                                     DriftConfig config, long seed, int repeats,
                                                                     Unembedding unembedding, List<String> vocab) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        int maxK = Math.max(config.kmeans().k(), config.checkpointK());
        SplittableRandom random = new SplittableRandom(seed);
        Map<DriftMetric, List<Double>> values = new EnumMap<>(DriftMetric.class);
        boolean used = false;
        for (Reference ref : references) {
            if (ref.base().sampleCount() < 2 * maxK) {
                continue;
            }
            used = true;
            ConceptDictionary baseDictionary = KMeansDictionary.fit(ref.base().states(), config.kmeans());
            for (int r = 0; r < repeats; r++) {
                long reseed = random.nextLong();
                ConceptDictionary refDictionary = KMeansDictionary.fit(ref.checkpoint().states(),
                        config.checkpointKMeans().withSeed(reseed));
                collect(values, DriftAnalysis.compareDictionaries(ref.base(), ref.checkpoint(), baseDictionary,
                        refDictionary, config, unembedding, vocab));
            }
        }
        if (!used) {
            return java.util.Optional.empty();
        }
        Map<DriftMetric, NullDistribution> distributions = new EnumMap<>(DriftMetric.class);
        values.forEach((metric, v) -> {
            if (!v.isEmpty()) {
                distributions.put(metric, new NullDistribution(metric, v.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        });
        return java.util.Optional.of(new NullCalibration(target, layer, seed, repeats, distributions));
    }

    private static void collect(Map<DriftMetric, List<Double>> values, DriftReport report) {
        for (DriftMetric metric : DriftMetric.values()) {
            List<Double> list = values.computeIfAbsent(metric, k -> new ArrayList<>());
            for (double v : metric.valuesIn(report)) {
                list.add(v);
            }
        }
    }

    private static int[] shuffled(int m, SplittableRandom random) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static float[][] rows(float[][] states, int[] order, int from, int to) {
        float[][] out = new float[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = states[order[i]];
        }
        return out;
    }
}
