package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.CheckpointHashMismatchException;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.InvalidCheckpointException;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.TestbedTrainer;
import io.shiftwatch.models.UnsupportedModelFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointFolderIT {
    @TempDir
    Path temp;
    private TestbedTrainer trainer;

    @BeforeEach
    void trainedToyModel() {
        trainer = TestbedModels.create(ToyWorld.tinyConfig(), ToyWorld.vocabulary(), 21L, ToyWorld.options(20));
        for (int i = 0; i < 20; i++) trainer.step(ToyWorld.batch(trainer.vocabulary()));
    }

    @AfterEach
    void close() {
        trainer.close();
    }

    @Test
    void saveThenLoadGivesBitIdenticalLogitsAndGenerations() {
        // Given
        Path dir = temp.resolve("step-20");
        ModelInfo saved = trainer.save(dir, Map.of("step", "20"));
        var request = new GenerationRequest(4, Set.of(1, -1), Optional.empty());
        var live = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());

        // When
        try (var loaded = (TestbedAdapter) ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults())) {

            // Then
            assertEquals(saved, loaded.info());
            assertEquals(live.info().contentHash(), loaded.info().contentHash());
            float[][] before = live.trace(ToyWorld.sample(1), new int[] {7}, Set.of(), Optional.empty()).logits();
            float[][] after = loaded.trace(ToyWorld.sample(1), new int[] {7}, Set.of(), Optional.empty()).logits();
            for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i]);
            List<Generation> expected = live.generate(ToyWorld.samples(), request);
            List<Generation> actual = loaded.generate(ToyWorld.samples(), request);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).tokenIds(), actual.get(i).tokenIds());
                TestbedAdapterTest.assertClose(expected.get(i).predictingStates().get(-1), actual.get(i).predictingStates().get(-1), 0);
            }
        }
    }

    @Test
    void theContentHashIgnoresCreatedAtAndTrainingMetadata() {
        // Given
        Clock early = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");

        // When
        ModelInfo first = TestbedCheckpoint.write(a, ((TestbedTraining) trainer).model(), trainer.vocabulary(), Map.of("run", "x"), early);
        ModelInfo second = trainer.save(b, Map.of("run", "y"));

        // Then
        assertEquals(first.contentHash(), second.contentHash());
    }

    @Test
    void aFlippedByteInTheParametersIsAHashMismatchNamingTheFile() throws IOException {
        // Given
        Path dir = temp.resolve("ckpt");
        trainer.save(dir, Map.of());
        Path params = dir.resolve(TestbedCheckpoint.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(params, bytes);

        // When
        var e = assertThrows(CheckpointHashMismatchException.class,
                () -> ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults()));

        // Then
        assertEquals(params, e.file());
        assertEquals(Sha256.of(bytes), e.actualSha256());
        assertFalse(e.expectedSha256().equals(e.actualSha256()));
        assertTrue(e.getMessage().contains(TestbedCheckpoint.PARAMS) && e.getMessage().contains(e.expectedSha256())
                && e.getMessage().contains(e.actualSha256()), e.getMessage());
    }

    @Test
    void nanWeightsAreRejectedWithTheParameterName() {
        // Given
        var lmHeadEntry = ((TestbedTraining) trainer).model().getParameters().stream()
                .filter(p -> p.getKey().endsWith("lm_head_weight")).findFirst().orElseThrow();
        var lmHead = lmHeadEntry.getValue();
        float[] values = lmHead.getArray().toFloatArray();
        values[3] = Float.NaN;
        lmHead.getArray().set(values);
        Path dir = temp.resolve("diverged");
        trainer.save(dir, Map.of());

        // When
        var e = assertThrows(InvalidCheckpointException.class,
                () -> ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults()));

        // Then
        assertTrue(e.getMessage().contains(lmHeadEntry.getKey() + " holds 1 non-finite values"), e.getMessage());
    }

    @Test
    void aConfigThatDisagreesWithTheVocabularyIsRejected() throws IOException {
        // Given
        Path dir = temp.resolve("inconsistent");
        trainer.save(dir, Map.of());
        Path config = dir.resolve(TestbedCheckpoint.CONFIG);
        String text = Files.readString(config).replaceFirst("\"vocabSize\" : \\d+", "\"vocabSize\" : 99");
        Files.writeString(config, text);
        rehash(dir, TestbedCheckpoint.CONFIG);

        // When
        var e = assertThrows(InvalidCheckpointException.class,
                () -> ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults()));

        // Then
        assertTrue(e.getMessage().contains("vocabSize 99 but vocab.txt has " + trainer.vocabulary().size()), e.getMessage());
    }

    @Test
    void savingPublishesOnlyTheFinishedFolderAndNeverOverwrites() throws IOException {
        // Given
        Path dir = temp.resolve("final");
        trainer.save(dir, Map.of());

        // When
        assertThrows(java.io.UncheckedIOException.class, () -> trainer.save(dir, Map.of()));

        // Then
        try (var listing = Files.list(temp)) {
            assertEquals(List.of("final"), listing.map(p -> p.getFileName().toString()).toList());
        }
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("model.params", "config.json", "vocab.txt", "manifest.json"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void fineTuningStartsFromTheSavedWeightsAndMovesThem() {
        // Given
        Path dir = temp.resolve("base");
        ModelInfo base = trainer.save(dir, Map.of());

        // When
        try (TestbedTrainer tuned = TestbedModels.finetune(dir, ToyWorld.options(5))) {
            String startHash = tuned.adapter(AdapterOptions.defaults()).info().contentHash();
            tuned.step(ToyWorld.batch(tuned.vocabulary()));
            String afterHash = tuned.adapter(AdapterOptions.defaults()).info().contentHash();

            // Then
            assertEquals(base.contentHash(), startHash);
            assertFalse(afterHash.equals(startHash));
        }
    }

    @Test
    void safetensorsAndTorchScriptAreNotLoadableYet() {
        // When / Then
        for (var format : List.of(ModelFormat.SAFETENSORS, ModelFormat.TORCHSCRIPT)) {
            var e = assertThrows(UnsupportedModelFormatException.class, () -> ModelAdapters.open(temp, format, AdapterOptions.defaults()));
            assertEquals(format, e.format());
        }
    }

    private static void rehash(Path dir, String file) throws IOException {
        Path manifestFile = dir.resolve(TestbedCheckpoint.MANIFEST);
        var manifest = CheckpointManifest.parse(Files.readAllBytes(manifestFile));
        Map<String, String> files = new HashMap<>(manifest.files());
        files.put(file, Sha256.of(Files.readAllBytes(dir.resolve(file))));
        var updated = new CheckpointManifest(manifest.format(), manifest.version(), manifest.modelId(), manifest.createdAt(),
                files, manifest.training());
        Files.write(manifestFile, updated.toJson());
    }

}
