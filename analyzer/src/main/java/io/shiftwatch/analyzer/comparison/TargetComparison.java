package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.analyzer.drift.DriftReport;
import io.shiftwatch.analyzer.drift.NullCalibration;

import java.util.List;

/**
 * The comparison of one target token at one layer: the paired sample ids (probe order; samples where
 * both models produced the target), the {@link DriftReport} (base concepts fitted on every base sample
 * that produced the target, so they are shared by all checkpoints), and the base model's null
 * distributions for the same target and layer. {@code pairedBase}/{@code pairedCheckpoint}: [paired, D]. {@code effectiveK} is K, lowered when few samples exist.
 */
public record TargetComparison(String target, int layer, int effectiveK, int baseSamples, List<String> pairedSampleIds,
                               float[][] pairedBase, float[][] pairedCheckpoint, int droppedFromBase,
                               int droppedFromCheckpoint, DriftReport report, NullCalibration nullCalibration) {
    public TargetComparison {
        pairedSampleIds = List.copyOf(pairedSampleIds);
    }
}
