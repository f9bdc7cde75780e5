package io.shiftwatch.bench.detection;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.AuditorTopology;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.bench.detection.DetectionScore.Detection;
import io.shiftwatch.ingest.ConceptDriftEvent;
import io.shiftwatch.ingest.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the auditor's real topology ({@link AuditorTopology#build}) over a run's drift events, in step
 * order, with Kafka Streams' in-memory driver (deterministic, no broker), and reduces the alerts to
 * {@link Detection}s: one per alert id, at its highest severity, with the checkpoint index at which it
 * first reached WARNING.
 */
public final class AlertReplay {
    private AlertReplay() {
    }

    /** @param checkpoints drift events per checkpoint, in step order */
    public static List<Detection> detections(AuditorConfig config, List<List<ConceptDriftEvent>> checkpoints,
                                             Path stateDir) throws IOException {
        Topics topics = Topics.withPrefix("replay.");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detection-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        Map<String, Detection> byAlert = new LinkedHashMap<>();
        Map<String, List<String>> words = new HashMap<>();
        try (var driver = new TopologyTestDriver(AuditorTopology.build(config, topics), props)) {
            var in = topics.conceptDrift();
            var out = Alerts.topic(topics);
            var drift = driver.createInputTopic(in.name(), in.keySerde().serializer(), in.valueSerde().serializer());
            var alerts = driver.createOutputTopic(out.name(), out.keySerde().deserializer(), out.valueSerde().deserializer());
            for (int index = 0; index < checkpoints.size(); index++) {
                for (ConceptDriftEvent e : checkpoints.get(index)) {
                    words.putIfAbsent(key(e.target(), e.layer(), e.emergent() ? e.matchedConcept() : e.baseConcept(),
                            e.emergent()), e.emergent() ? e.matchedWords() : e.baseWords());
                    drift.pipeInput(e.runId(), e);
                }
                for (Alert a : alerts.readValuesToList()) {
                    boolean emergent = a.findingType() == io.shiftwatch.auditor.FindingType.EMERGING;
                    List<String> w = words.getOrDefault(key(a.target(), a.layer(), a.concept(), emergent), List.of());
                    byAlert.merge(a.alertId(), detection(a, index, w), AlertReplay::stronger);
                }
            }
        }
        return new ArrayList<>(byAlert.values());
    }

    private static Detection detection(Alert a, int index, List<String> words) {
        boolean warning = a.state() != Alert.State.RESOLVED && a.severity().compareTo(Severity.WARNING) >= 0;
        return new Detection(a.findingType(), a.severity(), a.target(), a.layer(), a.concept(),
                warning ? index : Integer.MAX_VALUE, words);
    }

    private static Detection stronger(Detection old, Detection now) {
        Severity max = old.maxSeverity().compareTo(now.maxSeverity()) >= 0 ? old.maxSeverity() : now.maxSeverity();
        return new Detection(old.type(), max, old.target(), old.layer(), old.concept(),
                Math.min(old.firstWarningCheckpoint(), now.firstWarningCheckpoint()), old.words());
    }

    private static String key(String target, int layer, int concept, boolean emergent) {
        return target + "|" + layer + "|" + concept + "|" + emergent;
    }
}
