package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.AlertBook;
import io.shiftwatch.auditor.internal.AlertLifecycleProcessor;
import io.shiftwatch.auditor.internal.ConceptHistory;
import io.shiftwatch.auditor.internal.ConceptRules;
import io.shiftwatch.auditor.internal.MetricHistoryProcessor;
import io.shiftwatch.auditor.internal.TrendRules;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.EventCodec;
import io.shiftwatch.ingest.Topic;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The auditor's Kafka Streams topology, built in one method: concept-drift events (keyed by run
 * id) → {@code metric-history} (store {@value #HISTORY_STORE}) → one named processor per rule →
 * {@code alert-lifecycle} (store {@value #ALERT_STORE}) → alerts (keyed by run id). The trend rules
 * stay quiet for an event that is VANISHING (one alert for one change). Records keep
 * their run key throughout, so there is no repartitioning. Runtime settings (exactly-once v2,
 * state dir) belong to {@link AuditorSettings#streamsProperties}, not here.
 */
public final class AuditorTopology {
    public static final String HISTORY_STORE = "concept-metric-history";
    public static final String ALERT_STORE = "concept-alert-state";

    private AuditorTopology() {
    }

    public static Topology build(AuditorConfig config, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE), Serdes.String(),
                EventCodec.of(ConceptHistory.class, ConceptHistory.SCHEMA_VERSION).serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERT_STORE), Serdes.String(),
                EventCodec.of(AlertBook.class, AlertBook.SCHEMA_VERSION).serde()));
        Topic<String, ConceptDriftEvent> drift = topics.conceptDrift();
        Topic<String, Alert> alerts = Alerts.topic(topics);
        builder.stream(drift.name(), Consumed.with(drift.keySerde(), drift.valueSerde()).withName("concept-drift-source"))
                .processValues(() -> new MetricHistoryProcessor(HISTORY_STORE, config), Named.as("metric-history"),
                        HISTORY_STORE)
                .mapValues(v -> v.with(ConceptRules.vanishing(v.event(), config)), Named.as("vanishing-rule"))
                .mapValues(v -> v.with(ConceptRules.specialising(v.event(), config)), Named.as("specialising-rule"))
                .mapValues(v -> v.with(ConceptRules.biasAbsorbing(v.event(), config)), Named.as("bias-absorbing-rule"))
                .mapValues(v -> v.with(ConceptRules.emerging(v.event(), config)), Named.as("emerging-rule"))
                // A vanished concept has no meaningful trend, and one alert should say so: trends wait.
                .mapValues(v -> v.has(FindingType.VANISHING) ? v
                        : v.with(TrendRules.trendFall(v.event(), v.history(), config)), Named.as("trend-fall-rule"))
                .mapValues(v -> v.has(FindingType.VANISHING) ? v
                        : v.with(TrendRules.trendJump(v.event(), v.history(), config)), Named.as("trend-jump-rule"))
                .processValues(() -> new AlertLifecycleProcessor(ALERT_STORE), Named.as("alert-lifecycle"), ALERT_STORE)
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));
        return builder.build();
    }
}
