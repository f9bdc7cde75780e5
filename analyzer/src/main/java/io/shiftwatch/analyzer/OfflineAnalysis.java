package io.shiftwatch.analyzer;

import io.shiftwatch.analyzer.comparison.BaseConcepts;
import io.shiftwatch.analyzer.comparison.CheckpointComparison;
import io.shiftwatch.analyzer.comparison.ComparisonFiles;
import io.shiftwatch.analyzer.comparison.ComparisonOutcome;
import io.shiftwatch.analyzer.extraction.BaseActivationCache;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * {@code ./shiftwatch analyze}: the analysis of one checkpoint against its base with no Kafka and no
 * database, written as files ({@link ComparisonFiles}). Same code path and results as the service.
 */
public final class OfflineAnalysis {
    private OfflineAnalysis() {
    }

    public static ComparisonOutcome run(Path base, Path checkpoint, Path probe, Path out, AnalysisConfig config,
                                        Path cacheDir, ExtractionProgress progress) throws IOException {
        ProbeSet probes = ProbeSetFiles.read(probe);
        AdapterOptions options = AdapterOptions.defaults().withBatchSize(config.batchSize());
        List<ModelAdapter> references = new ArrayList<>();
        try (ModelAdapter a = ModelAdapters.open(base, ModelFormat.TESTBED, options);
             ModelAdapter b = ModelAdapters.open(checkpoint, ModelFormat.TESTBED, options)) {
            for (Path reference : config.nullReferences()) references.add(ModelAdapters.open(reference, ModelFormat.TESTBED, options));
            var comparison = new CheckpointComparison(config, new BaseActivationCache(cacheDir), new BaseConcepts(8));
            ComparisonOutcome outcome = comparison.compare(a, b, references, probes.samples(), progress);
            if (outcome instanceof ComparisonOutcome.Compared compared) ComparisonFiles.write(out, compared, config);
            return outcome;
        } finally {
            references.forEach(ModelAdapter::close);
        }
    }
}
