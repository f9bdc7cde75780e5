package io.shiftwatch.models.internal;

import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.TestbedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PrefixAttentionCheckpointIT {
    @TempDir
    Path temp;

    @Test
    void aPrefixAttentionCheckpointLoadsWithItsAttentionAndBitIdenticalLogits() throws IOException {
        // Given: a prefix-attention toy model after a few updates, saved
        var config = ToyWorld.tinyConfig().withPromptAttention(PromptAttention.PREFIX);
        try (var trainer = TestbedModels.create(config, ToyWorld.vocabulary(), 13L, ToyWorld.options(5))) {
            for (int i = 0; i < 5; i++) trainer.step(ToyWorld.batch(trainer.vocabulary()));
            Path dir = temp.resolve("prefix");
            trainer.save(dir, Map.of());
            var live = (TestbedAdapter) trainer.adapter(AdapterOptions.defaults());

            // When
            try (var loaded = (TestbedAdapter) ModelAdapters.open(dir, ModelFormat.TESTBED, AdapterOptions.defaults())) {

                // Then
                assertEquals(live.info().contentHash(), loaded.info().contentHash());
                assertEquals(PromptAttention.PREFIX, ConfigJson.read(Files.readAllBytes(dir.resolve("config.json"))).config()
                        .promptAttention());
                float[][] before = live.trace(ToyWorld.sample(3), new int[] {7}, Set.of(), Optional.empty()).logits();
                float[][] after = loaded.trace(ToyWorld.sample(3), new int[] {7}, Set.of(), Optional.empty()).logits();
                for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i]);
            }
        }
    }
}
