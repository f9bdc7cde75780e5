package io.shiftwatch.testbed.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.models.probe.ProbeSetFiles;
import io.shiftwatch.testbed.training.BaseTraining;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code testbed probe --model}: the probe images are drawn at the size the checkpoint reads (files on disk: an IT). */
class ProbeCommandIT {
    private static final Set<String> KNOWN = Set.of("out", "samples", "seed", "image-size", "model", "id", "tasks");

    @TempDir
    Path tmp;

    @Test
    void theProbeSetTakesTheImageSizeOfTheModelAndAContradictingSizeIsRefused() throws Exception {
        // Given: an (untrained) 48 px model with a 3x3 patch grid, saved as a checkpoint
        TestbedModelConfig config = new TestbedModelConfig("tiny", 32, 16, 16, 1, 2, 2, 64).withImage(48, 3);
        Path model = tmp.resolve("model");
        try (var trainer = TestbedModels.create(config, WordVocabulary.of(WorldLexicon.words()), 1, BaseTraining.options(1, 1e-3))) {
            trainer.save(model, Map.of("scenario", "base"));
        }

        // When
        ProbeCommand.run(CliArgs.parse("probe", List.of("--out", tmp.resolve("p").toString(), "--model", model.toString(),
                "--samples", "12"), KNOWN));
        var contradicting = assertThrows(IllegalArgumentException.class, () -> ProbeCommand.run(CliArgs.parse("probe",
                List.of("--out", tmp.resolve("q").toString(), "--model", model.toString(), "--image-size", "32"), KNOWN)));

        // Then
        var set = ProbeSetFiles.read(tmp.resolve("p"));
        assertEquals(48, set.imageSize());
        assertEquals(12, set.size());
        assertTrue(contradicting.getMessage().contains("48") && contradicting.getMessage().contains("32"), contradicting.getMessage());
        assertFalse(Files.exists(tmp.resolve("q")), "nothing is written when the sizes contradict");
    }
}
