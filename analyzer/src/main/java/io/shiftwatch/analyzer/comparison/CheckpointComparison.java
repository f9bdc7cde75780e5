package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.concepts.KMeansDictionary;
import io.shiftwatch.analyzer.concepts.Unembedding;
import io.shiftwatch.analyzer.drift.DriftAnalysis;
import io.shiftwatch.analyzer.drift.DriftConfig;
import io.shiftwatch.analyzer.drift.DriftReport;
import io.shiftwatch.analyzer.drift.LayerStates;
import io.shiftwatch.analyzer.drift.NullCalibration;
import io.shiftwatch.analyzer.extraction.BaseActivationCache;
import io.shiftwatch.analyzer.extraction.ExtractedStates;
import io.shiftwatch.analyzer.extraction.ExtractionOutcome;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.analyzer.extraction.HiddenStateExtractor;
import io.shiftwatch.analyzer.extraction.NonFiniteStates;
import io.shiftwatch.analyzer.extraction.PairedStates;
import io.shiftwatch.analyzer.extraction.ProbeExtraction;
import io.shiftwatch.analyzer.extraction.ProbeSetDigest;
import io.shiftwatch.analyzer.extraction.StateWidthMismatch;
import io.shiftwatch.analyzer.extraction.TargetNotFound;
import io.shiftwatch.ingest.RejectReason;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PAPER.md §1-§4 for one checkpoint against its base, with no Kafka or database: extract the states
 * that predict each target token from both models (base states from the on-disk cache), pair the
 * samples where both produced the target, fit/reuse the base dictionary and its null calibration,
 * and compare. Shared by the analyzer service and the offline {@code analyze} command.
 *
 * <p>All words are read through the BASE model's unembedding (one lens for both sides, so a word list
 * changes only because the concept moved, not because the LM head did).
 */
public final class CheckpointComparison {
    /** Progress stages, in order, with the share of the work each takes. */
    public static final String STAGE_BASE = "base activations";
    public static final String STAGE_CHECKPOINT = "checkpoint activations";
    public static final String STAGE_CONCEPTS = "concepts and drift";

    private final AnalysisConfig config;
    private final BaseActivationCache cache;
    private final BaseConcepts baseConcepts;
    /** The base side of one comparison: its model, the probe-set digest and the null's reference extractions. */
    private record BaseSide(ModelAdapter model, String probeHash, List<ProbeExtraction> references) {
    }

    public CheckpointComparison(AnalysisConfig config, BaseActivationCache cache, BaseConcepts baseConcepts) {
        this.config = config;
        this.cache = cache;
        this.baseConcepts = baseConcepts;
    }

    public ComparisonOutcome compare(ModelAdapter base, ModelAdapter checkpoint, List<ProbeSample> probes,
                                     ExtractionProgress progress) {
        return compare(base, checkpoint, List.of(), probes, progress);
    }

    /**
     * As {@link #compare(ModelAdapter, ModelAdapter, List, ExtractionProgress)}, with control fine-tunes of the base
     * whose comparisons with the base form the null distributions ({@link NullCalibration#fromReferences}); their
     * states come from the activation cache, so each is extracted once.
     */
    public ComparisonOutcome compare(ModelAdapter base, ModelAdapter checkpoint, List<ModelAdapter> references,
                                     List<ProbeSample> probes, ExtractionProgress progress) {
        if (base.info().hiddenSize() != checkpoint.info().hiddenSize())
            return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "checkpoint.uri", "checkpoint hidden size "
                    + checkpoint.info().hiddenSize() + " differs from the base model's " + base.info().hiddenSize());
        Map<String, Long> millis = new LinkedHashMap<>();
        var extractor = new HiddenStateExtractor(config.extractionRequest());
        long t0 = System.nanoTime();
        ExtractionOutcome baseOutcome = cache.extract(extractor, base, probes, progress.within(0.0, 0.35));
        millis.put("extract_base", ms(t0));
        if (baseOutcome instanceof NonFiniteStates bad)
            return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "baseModel.uri", bad.reason());
        long t1 = System.nanoTime();
        ExtractionOutcome ckptOutcome = extractor.extract(checkpoint, probes, progress.within(0.35, 0.7));
        millis.put("extract_checkpoint", ms(t1));
        if (ckptOutcome instanceof NonFiniteStates bad)
            return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "checkpoint.uri", bad.reason());
        ProbeExtraction a = (ProbeExtraction) baseOutcome;
        ProbeExtraction b = (ProbeExtraction) ckptOutcome;
        List<ProbeExtraction> refs = new ArrayList<>();
        for (ModelAdapter reference : references) {
            if (!(cache.extract(extractor, reference, probes, progress.within(0.7, 0.7)) instanceof ProbeExtraction r))
                return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "analyzer.null-references",
                        "reference checkpoint " + reference.info().contentHash() + " has non-finite hidden states");
            refs.add(r);
        }

        long t2 = System.nanoTime();
        StageMillis stages = new StageMillis();
        String probeHash = ProbeSetDigest.of(probes);
        BaseSide side = new BaseSide(base, probeHash, List.copyOf(refs));
        List<TargetComparison> compared = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<LostTarget> lost = new ArrayList<>();
        int pairs = config.targets().size() * config.layers().size();
        int done = 0;
        for (String target : config.targets()) {
            for (int layer : config.layers()) {
                ExtractedStates baseStates = a.states(target, layer);
                switch (PairedStates.intersect(baseStates, b.states(target, layer))) {
                    case PairedStates paired -> compareTarget(side, baseStates, paired, stages)
                            .ifPresentOrElse(compared::add, () -> {
                                skipped.add(target + "@" + layer + ": too few samples for a dictionary (base "
                                        + baseStates.states().length + ", paired " + paired.count() + ")");
                                lostTarget(side, baseStates, paired.count()).ifPresent(lost::add);
                            });
                    case TargetNotFound missing -> {
                        skipped.add(target + "@" + layer + ": " + missing.reason());
                        lostTarget(side, baseStates, 0).ifPresent(lost::add);
                    }
                    case StateWidthMismatch mismatch -> {
                        return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "checkpoint.uri", mismatch.reason());
                    }
                }
                progress.onProgress(STAGE_CONCEPTS, 0.7 + 0.3 * (++done) / pairs);
            }
        }
        millis.put("concepts_and_drift", ms(t2));
        millis.putAll(stages.asMap());
        if (compared.isEmpty() && lost.isEmpty())
            return new ComparisonOutcome.Failed(RejectReason.ANALYSIS_FAILED, "targets", "no target could be analysed: "
                    + String.join("; ", skipped));
        return new ComparisonOutcome.Compared(base.info().contentHash(), checkpoint.info().contentHash(), probeHash,
                compared, lost, skipped, millis);
    }

    private java.util.Optional<TargetComparison> compareTarget(BaseSide side, ExtractedStates baseStates,
                                                               PairedStates paired, StageMillis stages) {
        ModelAdapter base = side.model();
        int baseM = baseStates.states().length;
        int k = Math.min(config.k(), Math.min(baseM / 2, paired.count() / 2));
        if (k < 2) return java.util.Optional.empty();
        DriftConfig drift = config.driftConfig(k);
        int layer = paired.layer();
        Unembedding lens = vectors -> base.unembed(vectors, layer);
        List<String> vocab = base.vocabulary().tokens();
        long t0 = System.nanoTime();
        BaseConcepts.Entry entry = baseEntry(side, baseStates, k);
        stages.add("base_dictionary_and_null", t0);
        long t1 = System.nanoTime();
        var checkpointDictionary = KMeansDictionary.fit(paired.checkpoint(), drift.checkpointKMeans());
        stages.add("kmeans_checkpoint", t1);
        long t2 = System.nanoTime();
        DriftReport report = DriftAnalysis.compareDictionaries(new LayerStates(paired.target(), layer, paired.base()),
                new LayerStates(paired.target(), layer, paired.checkpoint()), entry.dictionary(), checkpointDictionary,
                drift, lens, vocab);
        stages.add("grounding_matching_metrics", t2);
        return java.util.Optional.of(new TargetComparison(paired.target(), layer, k, baseM, paired.sampleIds(),
                paired.base(), paired.checkpoint(), paired.droppedFromBase(), paired.droppedFromCheckpoint(), report, entry.nullCalibration()));
    }

    /** The base dictionary and null calibration of one target/layer at K = k, fitted once per base and probe set. */
    private BaseConcepts.Entry baseEntry(BaseSide side, ExtractedStates baseStates, int k) {
        ModelAdapter base = side.model();
        String probeHash = side.probeHash();
        DriftConfig drift = config.driftConfig(k);
        int layer = baseStates.layer();
        Unembedding lens = vectors -> base.unembed(vectors, layer);
        LayerStates all = new LayerStates(baseStates.target(), layer, baseStates.states());
        String key = String.join("|", base.info().contentHash(), probeHash, baseStates.target(), Integer.toString(layer),
                config.configHash(), Integer.toString(k), String.join(",", side.references().stream().map(ProbeExtraction::modelHash).toList()));
        return baseConcepts.computeIfAbsent(key, () -> new BaseConcepts.Entry(
                KMeansDictionary.fit(all.states(), drift.kmeans()),
                NullCalibration.fromReferences(baseStates.target(), layer, references(side, baseStates), drift, config.seed(),
                                config.nullRepeats(), lens, base.vocabulary().tokens())
                        .orElseGet(() -> NullCalibration.build(all, drift, config.seed(), config.nullRepeats(), lens,
                                base.vocabulary().tokens()))));
    }

    /** The base states of one target/layer paired with each reference checkpoint's (references without it are left out). */
    private static List<NullCalibration.Reference> references(BaseSide side, ExtractedStates baseStates) {
        List<NullCalibration.Reference> out = new ArrayList<>();
        for (ProbeExtraction ref : side.references()) {
            if (PairedStates.intersect(baseStates, ref.states(baseStates.target(), baseStates.layer())) instanceof PairedStates p)
                out.add(new NullCalibration.Reference(new LayerStates(p.target(), p.layer(), p.base()),
                        new LayerStates(p.target(), p.layer(), p.checkpoint())));
        }
        return out;
    }

    /**
     * The base concepts of a target the checkpoint no longer produces (see {@link LostTarget}); empty when
     * the base itself has too few samples for a dictionary (then nothing was there to lose).
     */
    private java.util.Optional<LostTarget> lostTarget(BaseSide side, ExtractedStates baseStates, int paired) {
        ModelAdapter base = side.model();
        int baseM = baseStates.states().length;
        int k = Math.min(config.k(), baseM / 2);
        if (k < 2) return java.util.Optional.empty();
        BaseConcepts.Entry entry = baseEntry(side, baseStates, k);
        int layer = baseStates.layer();
        LayerStates all = new LayerStates(baseStates.target(), layer, baseStates.states());
        DriftReport self = DriftAnalysis.compareDictionaries(all, all, entry.dictionary(), entry.dictionary(),
                config.driftConfig(k), vectors -> base.unembed(vectors, layer), base.vocabulary().tokens());
        List<List<String>> words = self.concepts().stream().map(c -> c.wordsBefore().words()).toList();
        return java.util.Optional.of(new LostTarget(baseStates.target(), layer, k, baseM, paired, words));
    }

    /** Milliseconds per analysis stage, summed over targets and layers. */
    private static final class StageMillis {
        private final Map<String, Long> millis = new LinkedHashMap<>();

        void add(String stage, long startNanos) {
            millis.merge(stage, ms(startNanos), Long::sum);
        }

        Map<String, Long> asMap() {
            return millis;
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
