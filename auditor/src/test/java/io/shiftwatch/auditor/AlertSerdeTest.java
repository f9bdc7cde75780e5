package io.shiftwatch.auditor;

import io.shiftwatch.ingest.ReadResult;
import io.shiftwatch.ingest.RejectReason;
import io.shiftwatch.ingest.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertSerdeTest {
    static final BoundCheck QUANTILE = new BoundCheck("cosine", 0.2, BoundCheck.Source.NULL_QUANTILE, 0.004, 0.01, Severity.WARNING);
    static final BoundCheck ABSOLUTE = new BoundCheck("tOverlap", 0.1, BoundCheck.Source.ABSOLUTE, null, 0.15, Severity.WARNING);

    static List<Finding> everyFinding() {
        return List.of(
                new Vanishing(10, "person", 4, 2, 5, Severity.WARNING, List.of("person", "man"), List.of("beach"), QUANTILE, ABSOLUTE),
                new Vanishing(10, "person", 4, 2, -1, Severity.CRITICAL, List.of("person"), List.of(), null, null),
                new Specialising(10, "person", 4, 2, 5, Severity.INFO, List.of("person", "man"), List.of("person", "beach"),
                        List.of("person"), List.of("beach"), 0.5, 0.4, 0.5, 0.0, 0.5, 0.4),
                new BiasAbsorbing(10, "doctor", -1, 1, 1, Severity.WARNING, List.of("doctor"),
                        List.of(new LexiconHit("man", "gender", LexiconHit.Where.MATCHED_WORDS, 3)), List.of("gender"), 3),
                new Emerging(10, "person", 4, 9, Severity.INFO, List.of("sand"), 12),
                new TrendFall(30, "person", 4, 2, Severity.INFO, "tOverlap", List.of(10L, 20L, 30L), List.of(0.8, 0.7, 0.6), 0.2, 0.15),
                new TrendJump(30, "person", 4, 2, Severity.CRITICAL, "cosine", 20, 0.9, 0.3, 0.6, 0.5));
    }

    @Test
    void everyFindingTypeSurvivesTheAlertCodec() {
        for (Finding finding : everyFinding()) {
            // Given
            Alert alert = Alert.of("run-7", finding.step() + 10, Alert.State.RESOLVED, 5, finding.step(), finding);
            // When
            ReadResult<Alert> read = Alerts.CODEC.read(Alerts.CODEC.write(alert));
            // Then
            assertEquals(alert, assertInstanceOf(ReadResult.Valid.class, read).value(), finding.type().name());
        }
    }

    @Test
    void theTopicSerdeRoundTrips() {
        // Given
        var serde = Alerts.topic(Topics.withPrefix("t.")).valueSerde();
        Alert alert = Alert.of("run-7", 10, Alert.State.RAISED, 10, 10, everyFinding().getFirst());
        // When
        Alert back = serde.deserializer().deserialize("t.shiftwatch.alerts", serde.serializer().serialize("x", alert));
        // Then
        assertEquals(alert, back);
        assertEquals("t.shiftwatch.alerts", Alerts.topic(Topics.withPrefix("t.")).name());
    }

    @Test
    void theFindingVariantIsNamedByItsType() {
        // Given
        Alert alert = Alert.of("run-7", 10, Alert.State.RAISED, 10, 10, everyFinding().get(3));
        // When
        String json = Alerts.CODEC.writeString(alert);
        // Then
        assertTrue(json.contains("\"evidence\":{\"type\":\"BIAS_ABSORBING\""), json);
        assertTrue(json.contains("\"findingType\":\"BIAS_ABSORBING\""), json);
    }

    @Test
    void anotherSchemaVersionIsRejected() {
        // Given
        String json = Alerts.CODEC.writeString(Alert.of("run-7", 10, Alert.State.RAISED, 10, 10, everyFinding().get(4)))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        // When
        ReadResult<Alert> read = Alerts.CODEC.read(json.getBytes(StandardCharsets.UTF_8));
        // Then
        assertEquals(RejectReason.UNKNOWN_SCHEMA_VERSION, assertInstanceOf(ReadResult.Invalid.class, read).reason());
    }

    @Test
    void aForeignAlertIdIsRejected() {
        // Given an alert whose run id was edited after the id was computed
        String json = Alerts.CODEC.writeString(Alert.of("run-7", 10, Alert.State.RAISED, 10, 10, everyFinding().get(4)))
                .replace("\"runId\":\"run-7\"", "\"runId\":\"run-8\"");
        // When
        ReadResult<Alert> read = Alerts.CODEC.read(json.getBytes(StandardCharsets.UTF_8));
        // Then
        var invalid = assertInstanceOf(ReadResult.Invalid.class, read);
        assertEquals(RejectReason.INVALID_FIELD, invalid.reason());
        assertTrue(invalid.message().contains("alertId"), invalid.message());
    }

    @Test
    void alertIdsAreDeterministicPerTypeTargetLayerAndConcept() {
        // Given
        Finding a = everyFinding().get(0);
        Finding b = everyFinding().get(1);
        // When
        String first = Alert.of("run-7", 10, Alert.State.RAISED, 10, 10, a).alertId();
        String same = Alert.of("run-7", 99, Alert.State.UPDATED, 10, 99, new Vanishing(99, "person", 4, 2, -1,
                Severity.CRITICAL, List.of(), List.of(), null, null)).alertId();
        String otherRun = Alert.of("run-8", 10, Alert.State.RAISED, 10, 10, b).alertId();
        // Then
        assertEquals(first, same);
        assertEquals(64, first.length());
        assertNotEquals(first, otherRun);
    }
}
