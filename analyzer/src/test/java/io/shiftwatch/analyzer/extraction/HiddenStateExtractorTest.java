package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.TestbedTrainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HiddenStateExtractorTest {
    private static TestbedTrainer trainer;
    private static ModelAdapter model;

    @BeforeAll
    static void trainedToyModel() {
        trainer = ToyCaptions.trained(11L, 80);
        model = trainer.adapter(AdapterOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
        trainer.close();
    }

    private static ProbeExtraction extract(int batchSize, ExtractionProgress progress) {
        var request = ExtractionRequest.of(List.of("red", "shape"), List.of(1, ModelAdapter.FINAL_NORM), 8, batchSize);
        return assertInstanceOf(ProbeExtraction.class, new HiddenStateExtractor(request).extract(model, ToyCaptions.samples(), progress));
    }

    @Test
    void theToyModelSaysItsCaptions() {
        // When
        ProbeExtraction extraction = extract(4, ExtractionProgress.none());

        // Then
        assertEquals(ToyCaptions.CAPTIONS, extraction.outputs().stream().map(GeneratedOutput::text).toList());
    }

    @Test
    void statesAreReadAtTheFirstWholeWordOccurrenceAndAbsentSamplesAreLeftOut() {
        // When
        ExtractedStates red = extract(4, ExtractionProgress.none()).states("red", ModelAdapter.FINAL_NORM);

        // Then
        assertEquals(List.of("s0", "s2"), red.sampleIds());
        assertArrayEquals(new int[]{1, 3}, red.positions());
        assertEquals(4, red.probeSize());
    }

    @Test
    void theRowsAreTheAdaptersPredictingStatesAtThosePositions() {
        // Given
        List<Generation> direct = model.generate(ToyCaptions.samples(),
                new GenerationRequest(8, Set.of(1), Optional.empty()));

        // When
        ExtractedStates red = extract(4, ExtractionProgress.none()).states("red", 1);

        // Then
        assertArrayEquals(direct.get(0).predictingStates().get(1)[1], red.states()[0], 1e-5f);
        assertArrayEquals(direct.get(2).predictingStates().get(1)[3], red.states()[1], 1e-5f);
    }

    @Test
    void progressIsReportedPerBatchEndingAtOne() {
        // Given
        List<Double> fractions = new ArrayList<>();

        // When
        extract(2, (stage, fraction) -> fractions.add(fraction));

        // Then
        assertEquals(List.of(0.0, 0.5, 1.0), fractions);
    }

    @Test
    void theBatchSizeDoesNotChangeWhichSamplesOrPositionsAreExtracted() {
        // When
        ExtractedStates one = extract(1, ExtractionProgress.none()).states("shape", 1);
        ExtractedStates four = extract(4, ExtractionProgress.none()).states("shape", 1);

        // Then
        assertEquals(four.sampleIds(), one.sampleIds());
        assertArrayEquals(four.positions(), one.positions());
        for (int m = 0; m < four.count(); m++) assertArrayEquals(four.states()[m], one.states()[m], 1e-4f);
    }

    @Test
    void aLayerTheModelDoesNotHaveIsRejectedNamingTheValidRange() {
        // Given
        var extractor = new HiddenStateExtractor(ExtractionRequest.of(List.of("red"), List.of(9), 4, 4));

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> extractor.extract(model, ToyCaptions.samples(), ExtractionProgress.none()));

        // Then
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
    }
}
