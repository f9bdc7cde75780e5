package io.shiftwatch.ingest;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRoundTripTest {

    private static <T extends Record> T roundTrip(EventCodec<T> codec, T value) {
        return switch (codec.read(codec.write(value))) {
            case ReadResult.Valid<T> valid -> valid.value();
            case ReadResult.Invalid<T> invalid -> throw new AssertionError("round trip refused: " + invalid);
        };
    }

    @Test
    void checkpointEventSurvivesJson() {
        // Given
        CheckpointEvent event = Examples.checkpoint();
        // When
        CheckpointEvent back = roundTrip(Codecs.CHECKPOINT_EVENT, event);
        // Then
        assertEquals(event, back);
    }

    @Test
    void checkpointEventWithOnlyRequiredFieldsSurvivesJson() {
        // Given
        CheckpointEvent event = CheckpointEvent.of("r", 0, Examples.AT,
                new CheckpointEvent.BaseModel("b", "/m", ModelFormat.TORCHSCRIPT),
                new CheckpointEvent.CheckpointRef("/c", ModelFormat.TESTBED, null),
                new CheckpointEvent.ProbeSet("p", null), null, null, null);
        // When
        CheckpointEvent back = roundTrip(Codecs.CHECKPOINT_EVENT, event);
        // Then
        assertEquals(event, back);
    }

    @Test
    void conceptDriftEventSurvivesJson() {
        // Given
        ConceptDriftEvent event = Examples.drift();
        // When
        ConceptDriftEvent back = roundTrip(Codecs.CONCEPT_DRIFT_EVENT, event);
        // Then
        assertEquals(event, back);
    }

    @Test
    void aConceptDriftEventWrittenBeforeWordWeightsExistedReadsWithNone() throws Exception {
        // Given a v1 record as older analyzers wrote it: no wordWeights field
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.shiftwatch.ingest.internal.Json.mapper().readTree(Codecs.CONCEPT_DRIFT_EVENT.write(Examples.drift()));
        tree.remove("wordWeights");
        // When
        var read = Codecs.CONCEPT_DRIFT_EVENT.read(io.shiftwatch.ingest.internal.Json.mapper().writeValueAsBytes(tree));
        // Then
        ConceptDriftEvent back = ((ReadResult.Valid<ConceptDriftEvent>) read).value();
        assertEquals(java.util.List.of(), back.wordWeights());
        assertEquals(Examples.drift().matchedWords(), back.matchedWords());
    }

    @Test
    void analysisSummarySurvivesJson() {
        // Given
        AnalysisSummary summary = Examples.summary();
        // When
        AnalysisSummary back = roundTrip(Codecs.ANALYSIS_SUMMARY, summary);
        // Then
        assertEquals(summary, back);
    }

    @Test
    void analysisProgressSurvivesJson() {
        // Given
        AnalysisProgress progress = Examples.progress();
        // When
        AnalysisProgress back = roundTrip(Codecs.ANALYSIS_PROGRESS, progress);
        // Then
        assertEquals(progress, back);
    }

    @Test
    void deadLetterSurvivesJsonWithOriginalBytes() {
        // Given
        DeadLetter letter = Examples.deadLetter();
        // When
        DeadLetter back = roundTrip(Codecs.DEAD_LETTER, letter);
        // Then
        assertEquals(letter, back);
        assertArrayEquals("{oops".getBytes(), back.originalBytes());
    }

    @Test
    void instantsAreWrittenAsIsoStrings() {
        // Given
        CheckpointEvent event = Examples.checkpoint();
        // When
        String json = Codecs.CHECKPOINT_EVENT.writeString(event);
        // Then
        assertTrue(json.contains("\"emittedAt\":\"2025-11-22T10:15:30.123Z\""), json);
    }

    @Test
    void topicSerdeRoundTripsThroughKafkaInterfaces() {
        // Given
        Topic<String, ConceptDriftEvent> topic = Topics.standard().conceptDrift();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), Examples.drift());
        // When
        ConceptDriftEvent back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
        // Then
        assertEquals(Examples.drift(), back);
    }

    @Test
    void topicSerdeRefusesInvalidPayloadWithTheReason() {
        // Given
        Topic<String, CheckpointEvent> topic = Topics.standard().checkpoints();
        byte[] bytes = "{\"schemaVersion\":9}".getBytes(StandardCharsets.UTF_8);
        // When
        SerializationException e = assertThrows(SerializationException.class,
                () -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        // Then
        assertTrue(e.getMessage().contains("UNKNOWN_SCHEMA_VERSION"), e.getMessage());
    }
}
