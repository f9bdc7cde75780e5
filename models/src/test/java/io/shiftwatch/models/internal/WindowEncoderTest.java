package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowEncoderTest {
    /** 32 px in a 4 x 4 grid of 8 px patches, so a cell has neighbours and non-neighbours. */
    private static final TestbedModelConfig GRID4 = new TestbedModelConfig("window", 32, 16, 32, 1, 2, 2, 24,
            ImageEncoder.PATCH_WINDOW);

    @Test
    void aCellSeesItsOwnPatchAndItsEightNeighboursButNothingFurther() {
        // Given: a random image, and the same image with one pixel changed in patch (row 1, col 1)
        byte[] rgb = new byte[32 * 32 * 3];
        new SplittableRandom(3).nextBytes(rgb);
        byte[] changed = rgb.clone();
        int y = 8 + 5, x = 8 + 2;
        changed[(y * 32 + x) * 3 + 1] ^= (byte) 0x80;

        // When
        float[][] before = prefix(rgb), after = prefix(changed);

        // Then: exactly the cells within one patch of (1, 1) see the change
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) {
                int cell = r * 4 + c;
                boolean neighbour = Math.abs(r - 1) <= 1 && Math.abs(c - 1) <= 1;
                if (neighbour) assertTrue(maxDifference(before[cell], after[cell]) > 1e-6, "cell " + r + "," + c + " missed the change");
                else assertArrayEquals(before[cell], after[cell], "cell " + r + "," + c + " is two patches away");
            }
    }

    @Test
    void thePatchMlpCellOfANeighbourDoesNotSeeTheChangeSoTheWindowIsTheDifference() {
        // Given: the same change as above, through the per-patch MLP
        var mlp = GRID4.withImageEncoder(ImageEncoder.PATCH_MLP);
        byte[] rgb = new byte[32 * 32 * 3];
        new SplittableRandom(3).nextBytes(rgb);
        byte[] changed = rgb.clone();
        changed[((8 + 5) * 32 + 8 + 2) * 3 + 1] ^= (byte) 0x80;

        // When
        float[][] before = prefix(mlp, rgb), after = prefix(mlp, changed);

        // Then: only the cell of the changed patch moves
        for (int cell = 0; cell < 16; cell++)
            if (cell == 5) assertTrue(maxDifference(before[cell], after[cell]) > 1e-6);
            else assertArrayEquals(before[cell], after[cell], "cell " + cell);
    }

    @Test
    void thirtyStepsWithTheWindowEncoderLowerTheToyLossClearly() {
        // Given / When
        double[] loss = ToyWorld.lossBeforeAndAfter(ToyWorld.tinyConfig().withImageEncoder(ImageEncoder.PATCH_WINDOW), 11L, 30);

        // Then
        assertTrue(loss[1] < 0.5 * loss[0], "loss went from " + loss[0] + " to " + loss[1]);
    }

    private static float[][] prefix(byte[] rgb) {
        return prefix(GRID4, rgb);
    }

    /** The image prefix [P][D] of a freshly initialised (seed 5) model of {@code config}. */
    private static float[][] prefix(TestbedModelConfig config, byte[] rgb) {
        try (var trainer = (TestbedTraining) TestbedModels.create(config, ToyWorld.vocabulary(), 5L, ToyWorld.options(1));
             NDManager m = NDManager.newBaseManager()) {
            var patches = m.create(ImagePatches.flatten(List.of(rgb), config), new Shape(1, config.prefixTokens(), config.patchDim()));
            float[] flat = trainer.model().embedImage(new ParameterStore(m, false), patches, false).toFloatArray();
            float[][] cells = new float[config.prefixTokens()][config.hiddenSize()];
            for (int p = 0; p < cells.length; p++) System.arraycopy(flat, p * config.hiddenSize(), cells[p], 0, config.hiddenSize());
            assertEquals(flat.length, cells.length * config.hiddenSize());
            return cells;
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }
}
