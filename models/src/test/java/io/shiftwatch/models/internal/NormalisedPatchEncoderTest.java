package io.shiftwatch.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalisedPatchEncoderTest {
    private static final TestbedModelConfig TINY = ToyWorld.tinyConfig();

    @Test
    void normalisedImageTokensEnterAtUnitNormWhereRawOnesDoNot() {
        // Given: a random image
        byte[] rgb = new byte[TINY.imageSize() * TINY.imageSize() * 3];
        new SplittableRandom(7).nextBytes(rgb);

        // When
        double[] normed = tokenNorms(TINY.withImageEncoder(ImageEncoder.PATCH_MLP_NORM), rgb);
        double[] raw = tokenNorms(TINY.withImageEncoder(ImageEncoder.PATCH_MLP), rgb);

        // Then: LayerNorm (gain 1, shift 0 when fresh) scaled by 1/sqrt(D) gives norm 1 per token, a little less
        // here because a fresh model's raw tokens have a variance near the LayerNorm's epsilon (1e-5)
        for (int p = 0; p < normed.length; p++) {
            assertEquals(1.0, normed[p], 0.15, "token " + p);
            assertTrue(raw[p] < 0.5, "raw token " + p + " has norm " + raw[p]);
        }
    }

    @Test
    void thirtyStepsWithTheNormalisedEncoderLowerTheToyLossClearly() {
        double[] loss = ToyWorld.lossBeforeAndAfter(TINY.withImageEncoder(ImageEncoder.PATCH_MLP_NORM), 11L, 30);

        assertTrue(loss[1] < 0.5 * loss[0], "loss went from " + loss[0] + " to " + loss[1]);
    }

    /** L2 norm of each image token [P] of a freshly initialised (seed 5) model of {@code config}. */
    private static double[] tokenNorms(TestbedModelConfig config, byte[] rgb) {
        try (var trainer = (TestbedTraining) TestbedModels.create(config, ToyWorld.vocabulary(), 5L, ToyWorld.options(1));
             NDManager m = NDManager.newBaseManager()) {
            var patches = m.create(ImagePatches.flatten(List.of(rgb), config), new Shape(1, config.prefixTokens(), config.patchDim()));
            float[] flat = trainer.model().embedImage(new ParameterStore(m, false), patches, false).toFloatArray();
            double[] norms = new double[config.prefixTokens()];
            for (int i = 0; i < flat.length; i++) norms[i / config.hiddenSize()] += (double) flat[i] * flat[i];
            for (int p = 0; p < norms.length; p++) norms[p] = Math.sqrt(norms[p]);
            return norms;
        }
    }
}
