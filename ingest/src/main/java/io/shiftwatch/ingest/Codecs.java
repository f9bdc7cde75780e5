package io.shiftwatch.ingest;

/** The codec of every event type of the contract, each with the default 1 MiB payload limit. */
public final class Codecs {
    public static final EventCodec<CheckpointEvent> CHECKPOINT_EVENT =
            EventCodec.of(CheckpointEvent.class, CheckpointEvent.SCHEMA_VERSION);
    public static final EventCodec<ConceptDriftEvent> CONCEPT_DRIFT_EVENT =
            EventCodec.of(ConceptDriftEvent.class, ConceptDriftEvent.SCHEMA_VERSION);
    public static final EventCodec<AnalysisSummary> ANALYSIS_SUMMARY =
            EventCodec.of(AnalysisSummary.class, AnalysisSummary.SCHEMA_VERSION);
    public static final EventCodec<AnalysisProgress> ANALYSIS_PROGRESS =
            EventCodec.of(AnalysisProgress.class, AnalysisProgress.SCHEMA_VERSION);
    public static final EventCodec<DeadLetter> DEAD_LETTER =
            EventCodec.of(DeadLetter.class, DeadLetter.SCHEMA_VERSION);

    private Codecs() {
    }
}
