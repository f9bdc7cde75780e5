package io.shiftwatch.auditor;

import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditorTopologyTest {
    private static final AuditorConfig CONFIG = AuditorConfig.defaults(new SensitiveLexicon(Map.of(
            "gender", Set.of("man", "woman", "she", "he"))));
    private static final Topics TOPICS = Topics.withPrefix("test.");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ConceptDriftEvent> drift;
    private TestOutputTopic<String, Alert> alerts;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "auditor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(AuditorTopology.build(CONFIG, TOPICS), props);
        var in = TOPICS.conceptDrift();
        var out = Alerts.topic(TOPICS);
        drift = driver.createInputTopic(in.name(), in.keySerde().serializer(), in.valueSerde().serializer());
        alerts = driver.createOutputTopic(out.name(), out.keySerde().deserializer(), out.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(DriftEvents... events) {
        for (DriftEvents e : events) {
            ConceptDriftEvent event = e.build();
            drift.pipeInput(event.runId(), event);
        }
    }

    private static DriftEvents vanished(long step, double quantile) {
        return DriftEvents.at(step).cosine(0.1).tOverlap(0.05).quantiles(quantile, quantile);
    }

    private List<String> states() {
        return alerts.readValuesToList().stream().map(a -> a.findingType() + ":" + a.state() + ":" + a.severity()).toList();
    }

    @Test
    void vanishingIsRaisedOnceOverSeveralCheckpoints() {
        // Given / When a healthy checkpoint, then three in which the concept stays vanished (the drop from
        // 0.8 to 0.05 is no separate TREND_JUMP: trends wait while the concept is vanishing)
        send(DriftEvents.at(10), vanished(20, 0.0005), vanished(30, 0.0005), vanished(40, 0.0005));
        // Then
        List<KeyValue<String, Alert>> out = alerts.readKeyValuesToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals(DriftEvents.RUN, out.getFirst().key);
        Alert alert = out.getFirst().value;
        assertEquals(Alert.State.RAISED, alert.state());
        assertEquals(FindingType.VANISHING, alert.findingType());
        assertEquals(Severity.WARNING, alert.severity());
        assertEquals(20, alert.firstSeenStep());
    }

    @Test
    void aHealthyConceptRaisesNothing() {
        // Given / When metrics inside their null at every checkpoint
        send(DriftEvents.at(10), DriftEvents.at(20).quantiles(0.2, 0.06), DriftEvents.at(30).quantiles(0.07, 0.3));
        // Then
        assertTrue(alerts.isEmpty());
    }

    @Test
    void aSeverityChangeUpdatesTheAlert() {
        // Given / When warning, then critical
        send(vanished(10, 0.0005), vanished(20, 0.00005));
        // Then
        assertEquals(List.of("VANISHING:RAISED:WARNING", "VANISHING:UPDATED:CRITICAL"), states());
    }

    @Test
    void aRecoveredConceptResolvesTheAlert() {
        // Given / When vanished at 10 and 20, healthy again at 30
        send(vanished(10, 0.0005), vanished(20, 0.0005), DriftEvents.at(30));
        // Then
        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.State.RAISED, Alert.State.RESOLVED), out.stream().map(Alert::state).toList());
        assertEquals(30, out.getLast().step());
        assertEquals(20, out.getLast().lastSeenStep());
        assertEquals(out.getFirst().alertId(), out.getLast().alertId());
    }

    @Test
    void withinOneCheckpointALaterEventWithoutTheFindingClearsIt() {
        // Given / When the same concept at the same step, first vanished, then healthy
        send(vanished(10, 0.0005), DriftEvents.at(10));
        // Then
        assertEquals(List.of("VANISHING:RAISED:WARNING", "VANISHING:RESOLVED:WARNING"), states());
    }

    @Test
    void conceptsAndRunsHaveTheirOwnAlerts() {
        // Given / When two concepts of one run and one of another vanish
        send(vanished(10, 0.0005).concept(1), vanished(10, 0.0005).concept(2), vanished(10, 0.0005).run("run-2"));
        // Then
        List<Alert> out = alerts.readValuesToList();
        assertEquals(3, out.stream().map(Alert::alertId).distinct().count());
        assertEquals(List.of("run-1", "run-1", "run-2"), out.stream().map(Alert::runId).toList());
    }

    @Test
    void specialisingBiasAndEmergingFlowToAlerts() {
        // Given a concept keeping its core while taking place words and a gender word, and a new concept
        var matched = List.of("person", "man", "face", "standing", "wearing", "shirt", "beach", "kitchen", "street", "woman");
        // When
        send(DriftEvents.at(10).matchedWords(matched).quantiles(0.5, 0.005).coarseShiftWords(List.of("beach", "kitchen", "street")),
                DriftEvents.at(10).emergent(4, List.of("sand", "sea")));
        // Then
        assertEquals(List.of("SPECIALISING:RAISED:INFO", "BIAS_ABSORBING:RAISED:WARNING", "EMERGING:RAISED:INFO"), states());
    }

    @Test
    void aSteadyFallOverTheWindowRaisesTrendFall() {
        // Given / When T-Overlap 0.8 → 0.65 → 0.5 with quantiles inside the null (no vanishing, no jump)
        send(DriftEvents.at(10).tOverlap(0.8), DriftEvents.at(20).tOverlap(0.65), DriftEvents.at(30).tOverlap(0.5));
        // Then
        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of("TREND_FALL:RAISED:WARNING"), out.stream()
                .map(a -> a.findingType() + ":" + a.state() + ":" + a.severity()).toList());
        TrendFall fall = (TrendFall) out.getFirst().evidence();
        assertEquals(List.of(10L, 20L, 30L), fall.steps());
    }

    @Test
    void aSuddenDropRaisesTrendJumpAndAStableNextCheckpointResolvesIt() {
        // Given / When T-Overlap 0.8 → 0.3 → 0.3
        send(DriftEvents.at(10).tOverlap(0.8), DriftEvents.at(20).tOverlap(0.3), DriftEvents.at(30).tOverlap(0.3));
        // Then
        assertEquals(List.of("TREND_JUMP:RAISED:CRITICAL", "TREND_JUMP:RESOLVED:CRITICAL"), states());
    }

    @Test
    void everyProcessorAndStoreIsNamed() {
        // Given
        Topology topology = AuditorTopology.build(CONFIG, TOPICS);
        // When
        String description = topology.describe().toString();
        // Then
        for (String name : List.of("concept-drift-source", "metric-history", "vanishing-rule", "specialising-rule",
                "bias-absorbing-rule", "emerging-rule", "trend-fall-rule", "trend-jump-rule", "alert-lifecycle",
                "alerts-sink", AuditorTopology.HISTORY_STORE, AuditorTopology.ALERT_STORE)) {
            assertTrue(description.contains(name), name + " missing in\n" + description);
        }
        assertTrue(!description.contains("KSTREAM-"), "an unnamed node in\n" + description);
    }
}
