package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.TestbedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConvStemCheckpointIT {
    @TempDir
    Path temp;

    @Test
    void aConvStemCheckpointLoadsWithItsEncoderAndBitIdenticalLogits() {
        // Given: a conv-stem toy model after a few updates, saved
        var config = ToyWorld.tinyConfig().withImageEncoder(ImageEncoder.CONV_STEM);
        try (var trainer = TestbedModels.create(config, ToyWorld.vocabulary(), 13L, ToyWorld.options(5))) {
            for (int i = 0; i < 5; i++) trainer.step(ToyWorld.batch(trainer.vocabulary()));
            Path dir = temp.resolve("conv");
            trainer.save(dir, Map.of());
            var live = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());

            // When
            try (var loaded = (TestbedAdapter) ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults())) {

                // Then
                assertEquals(live.info().contentHash(), loaded.info().contentHash());
                float[][] before = live.trace(ToyWorld.sample(3), new int[] {7}, Set.of(), Optional.empty()).logits();
                float[][] after = loaded.trace(ToyWorld.sample(3), new int[] {7}, Set.of(), Optional.empty()).logits();
                for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i]);
            }
        }
    }
}
