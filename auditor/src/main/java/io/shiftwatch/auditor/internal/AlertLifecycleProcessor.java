package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.ingest.ConceptDriftEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link AlertLifecycle} to each evaluation with the concept's {@link AlertBook} from the
 * alert-state store and forwards every alert state change (keyed by run id, like its input).
 */
public final class AlertLifecycleProcessor implements FixedKeyProcessor<String, Evaluation, Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycleProcessor.class);

    private final String storeName;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, AlertBook> store;

    public AlertLifecycleProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, Evaluation> record) {
        ConceptDriftEvent e = record.value().event();
        String key = ConceptKey.of(e);
        AlertBook book = store.get(key);
        book = book == null ? AlertBook.empty() : book;
        if (e.step() < book.latestStep()) {
            LOG.debug("late drift event ignored for alerts: runId={} step={} latestStep={} target={} layer={}",
                    e.runId(), e.step(), book.latestStep(), e.target(), e.layer());
            return;
        }
        AlertLifecycle.Outcome outcome = AlertLifecycle.apply(book, e.runId(), e.step(), record.value().findings());
        store.put(key, outcome.book());
        for (Alert alert : outcome.emitted()) {
            LOG.debug("alert runId={} step={} type={} state={} severity={}", alert.runId(), alert.step(),
                    alert.findingType(), alert.state(), alert.severity());
            context.forward(record.withValue(alert));
        }
    }
}
