package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvStemTest {
    static final TestbedModelConfig CONV = ToyWorld.tinyConfig().withImageEncoder(ImageEncoder.CONV_STEM);

    @Test
    void theStemReassemblesTheImageThePatchesCameFrom() {
        // Given: a random 16x16 image cut into 4 patches of 8x8
        byte[] rgb = new byte[16 * 16 * 3];
        new SplittableRandom(3).nextBytes(rgb);
        float[] patches = ImagePatches.flatten(List.of(rgb), CONV);

        // When
        float[] image;
        try (NDManager m = NDManager.newBaseManager()) {
            image = ConvStem.image(m.create(patches, new Shape(1, 4, CONV.patchDim())), CONV).toFloatArray();
        }

        // Then: channel-first [3, 16, 16] with the same scaling
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 16; x++)
                    assertEquals((rgb[(y * 16 + x) * 3 + c] & 0xff) / 127.5f - 1f, image[(c * 16 + y) * 16 + x], 1e-6,
                            "channel " + c + " pixel (" + y + ", " + x + ")");
    }

    @Test
    void aConvStemModelGivesOnePrefixTokenPerCellAndTheSameLogitsForTheSameSeed() {
        // Given
        try (var a = TestbedModels.create(CONV, ToyWorld.vocabulary(), 5L, ToyWorld.options(1));
             var b = TestbedModels.create(CONV, ToyWorld.vocabulary(), 5L, ToyWorld.options(1));
             var adapterA = (TestbedAdapter) a.adapter(io.shiftwatch.models.AdapterOptions.defaults());
             var adapterB = (TestbedAdapter) b.adapter(io.shiftwatch.models.AdapterOptions.defaults())) {

            // When
            float[][] logitsA = adapterA.trace(ToyWorld.sample(2), new int[] {7}, java.util.Set.of(), java.util.Optional.empty()).logits();
            float[][] logitsB = adapterB.trace(ToyWorld.sample(2), new int[] {7}, java.util.Set.of(), java.util.Optional.empty()).logits();

            // Then
            assertEquals(a.vocabulary().size(), logitsA[0].length);
            for (int i = 0; i < logitsA.length; i++) assertArrayEquals(logitsA[i], logitsB[i]);
        }
    }

    @Test
    void convolutionKernelsAreHeInitialisedNotAtTheTransformersScale() {
        // Given
        try (var trainer = (TestbedTraining) TestbedModels.create(CONV, ToyWorld.vocabulary(), 9L, ToyWorld.options(1))) {

            // When
            var first = trainer.model().getParameters().stream().filter(p -> p.getKey().matches(".*conv_1_weight"))
                    .findFirst().orElseThrow().getValue().getArray();
            float[] w = first.toFloatArray();

            // Then: [channels, 3, 3, 3] -> fanIn 27, std sqrt(2/27) = 0.27 (0.02 would be the default)
            assertEquals(4, first.getShape().dimension());
            double sq = 0;
            for (float v : w) sq += v * v;
            double std = Math.sqrt(sq / w.length);
            assertEquals(Math.sqrt(2.0 / 27), std, 0.06, "std of " + w.length + " kernel weights");
        }
    }

    @Test
    void thirtyStepsWithTheConvStemLowerTheToyLossClearly() {
        // Given / When
        double[] loss = ToyWorld.lossBeforeAndAfter(CONV, 11L, 30);

        // Then: the stem starts slower than the per-patch MLP on flat toy colours, so half is the bar
        assertTrue(loss[1] < 0.5 * loss[0], "loss went from " + loss[0] + " to " + loss[1]);
    }

    @Test
    void aPatchSideThatIsNotAPowerOfTwoIsRejectedForTheConvStem() {
        // Given: 24 px in a 2x2 grid -> 12 px patches
        var patchMlp = new TestbedModelConfig("odd", 24, 4, 32, 2, 2, 2, 24);

        // When / Then
        var e = assertThrows(IllegalArgumentException.class, () -> patchMlp.withImageEncoder(ImageEncoder.CONV_STEM));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    }
}
