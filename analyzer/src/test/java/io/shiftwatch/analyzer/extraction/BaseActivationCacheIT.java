package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.TestbedTrainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BaseActivationCacheIT {
    private static final ExtractionRequest REQUEST = ExtractionRequest.of(List.of("red", "shape", "covered"), List.of(1, ModelAdapter.FINAL_NORM), 8, 2);
    private static TestbedTrainer trainer;
    private static ModelAdapter real;
    private CountingModelAdapter base;
    @TempDir
    Path dir;

    @BeforeAll
    static void trainedToyModel() {
        trainer = ToyCaptions.trained(11L, 80);
        real = trainer.adapter(AdapterOptions.defaults());
    }

    @AfterAll
    static void close() {
        real.close();
        trainer.close();
    }

    @BeforeEach
    void countingBase() {
        base = new CountingModelAdapter(real);
    }

    private ProbeExtraction extract(BaseActivationCache cache, ExtractionRequest request, ExtractionProgress progress) {
        return assertInstanceOf(ProbeExtraction.class,
                cache.extract(new HiddenStateExtractor(request), base, ToyCaptions.samples(), progress));
    }

    private Path entry() {
        return dir.resolve(BaseActivationKey.of(real.info().contentHash(), ProbeSetDigest.of(ToyCaptions.samples()), REQUEST).sha256());
    }

    private static void assertSameExtraction(ProbeExtraction expected, ProbeExtraction actual) {
        assertEquals(expected.modelHash(), actual.modelHash());
        assertEquals(expected.probeSetHash(), actual.probeSetHash());
        assertEquals(expected.outputs(), actual.outputs());
        for (int i = 0; i < expected.states().size(); i++) {
            ExtractedStates e = expected.states().get(i), a = actual.states().get(i);
            assertEquals(e.target() + "/" + e.layer() + " " + e.sampleIds(), a.target() + "/" + a.layer() + " " + a.sampleIds());
            assertArrayEquals(e.positions(), a.positions());
            assertArrayEquals(e.states(), a.states(), "target " + e.target() + " layer " + e.layer());
        }
    }

    @Test
    void aSecondExtractionWithTheSameKeyReturnsIdenticalMatricesWithoutRunningTheModel() {
        // Given
        var cache = new BaseActivationCache(dir);
        ProbeExtraction first = extract(cache, REQUEST, ExtractionProgress.none());
        int callsAfterFirst = base.generateCalls();
        List<String> stages = new ArrayList<>();

        // When
        ProbeExtraction second = extract(new BaseActivationCache(dir), REQUEST.withBatchSize(4), (stage, f) -> stages.add(stage + "@" + f));

        // Then
        assertEquals(2, callsAfterFirst);
        assertEquals(callsAfterFirst, base.generateCalls());
        assertSameExtraction(first, second);
        assertEquals(List.of(BaseActivationCache.STAGE_CACHED + "@1.0"), stages);
    }

    @Test
    void theEntryIsOneDirectoryAndNoTemporaryFilesAreLeftBehind() throws IOException {
        // Given
        var cache = new BaseActivationCache(dir);

        // When
        extract(cache, REQUEST, ExtractionProgress.none());

        // Then
        try (Stream<Path> children = Files.list(dir)) {
            assertEquals(List.of(entry()), children.toList());
        }
        try (Stream<Path> files = Files.list(entry())) {
            assertEquals(1 + REQUEST.targets().size() * REQUEST.layers().size(), files.count());
        }
    }

    @Test
    void aCorruptedMatrixIsDetectedDiscardedAndRecomputed() throws IOException {
        // Given
        var cache = new BaseActivationCache(dir);
        ProbeExtraction original = extract(cache, REQUEST, ExtractionProgress.none());
        Path matrix = entry().resolve("states-001.npy");
        byte[] bytes = Files.readAllBytes(matrix);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(matrix, bytes);
        int callsBefore = base.generateCalls();

        // When
        ProbeExtraction recomputed = extract(cache, REQUEST, ExtractionProgress.none());

        // Then
        assertEquals(callsBefore + 2, base.generateCalls());
        assertSameExtraction(original, recomputed);
        assertArrayEquals(Npy.read(matrix).data(), Npy.decode(Npy.encode(original.states().get(1).states(), original.states().get(1).hiddenSize())).data());
    }

    @Test
    void aTruncatedHeaderIsDetectedAndTheRewrittenEntryIsReusedAfterwards() throws IOException {
        // Given
        var cache = new BaseActivationCache(dir);
        ProbeExtraction original = extract(cache, REQUEST, ExtractionProgress.none());
        Path header = entry().resolve("header.json");
        Files.write(header, java.util.Arrays.copyOf(Files.readAllBytes(header), 100));
        extract(cache, REQUEST, ExtractionProgress.none());
        int callsAfterRecompute = base.generateCalls();

        // When
        ProbeExtraction reused = extract(cache, REQUEST, ExtractionProgress.none());

        // Then
        assertEquals(4, callsAfterRecompute);
        assertEquals(callsAfterRecompute, base.generateCalls());
        assertSameExtraction(original, reused);
    }

    @Test
    void anEntryStoredUnderAnotherKeysNameIsNotTrusted() throws IOException {
        // Given
        var cache = new BaseActivationCache(dir);
        var longer = ExtractionRequest.of(REQUEST.targets(), REQUEST.layers(), 9, 2);
        extract(cache, longer, ExtractionProgress.none());
        Path longerEntry = dir.resolve(BaseActivationKey.of(real.info().contentHash(), ProbeSetDigest.of(ToyCaptions.samples()), longer).sha256());
        Files.move(longerEntry, entry());
        int callsBefore = base.generateCalls();

        // When
        extract(cache, REQUEST, ExtractionProgress.none());

        // Then
        assertEquals(callsBefore + 2, base.generateCalls());
    }
}
