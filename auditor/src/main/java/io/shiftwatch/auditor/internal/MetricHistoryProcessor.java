package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.ingest.ConceptDriftEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

/**
 * Adds each matched base concept's (step, cosine, tOverlap) to its history in the metric-history
 * store (keeping the trend window) and forwards the event with its history up to its step.
 */
public final class MetricHistoryProcessor implements FixedKeyProcessor<String, ConceptDriftEvent, Evaluation> {
    private final String storeName;
    private final AuditorConfig config;
    private FixedKeyProcessorContext<String, Evaluation> context;
    private KeyValueStore<String, ConceptHistory> store;

    public MetricHistoryProcessor(String storeName, AuditorConfig config) {
        this.storeName = storeName;
        this.config = config;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Evaluation> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, ConceptDriftEvent> record) {
        ConceptDriftEvent e = record.value();
        List<MetricPoint> history = List.of();
        if (!e.emergent() && e.matchedConcept() != ConceptDriftEvent.NO_CONCEPT) {
            String key = ConceptKey.of(e);
            ConceptHistory previous = store.get(key);
            ConceptHistory next = (previous == null ? ConceptHistory.empty() : previous)
                    .with(new MetricPoint(e.step(), e.cosine(), e.tOverlap()), config.trendWindow());
            store.put(key, next);
            history = next.upTo(e.step());
        }
        context.forward(record.withValue(new Evaluation(e, history, List.of())));
    }
}
