/**
 * The Shiftwatch event contract and the ways checkpoints enter it. Entry points:
 * {@link io.shiftwatch.ingest.CheckpointEvent} (what trainers send; JSON Schema at
 * {@code /schemas/checkpoint-event-v1.schema.json}), {@link io.shiftwatch.ingest.ConceptDriftEvent},
 * {@link io.shiftwatch.ingest.AnalysisSummary}, {@link io.shiftwatch.ingest.AnalysisProgress}
 * (what the analyzer emits), {@link io.shiftwatch.ingest.Topics} (every topic once, with serdes),
 * {@link io.shiftwatch.ingest.EventCodec} (strict reading into {@link io.shiftwatch.ingest.ReadResult}),
 * {@link io.shiftwatch.ingest.CheckpointPublisher} (Java trainers),
 * {@link io.shiftwatch.ingest.CheckpointEventReader} + {@link io.shiftwatch.ingest.DeadLetterPublisher}
 * (consumers), {@link io.shiftwatch.ingest.ConfigSchema}/{@link io.shiftwatch.ingest.ConfigKey}
 * (typed configuration reused by every module) and {@link io.shiftwatch.ingest.IngestCli}
 * ({@code ingest}, {@code watch}, {@code publish}).
 */
package io.shiftwatch.ingest;
