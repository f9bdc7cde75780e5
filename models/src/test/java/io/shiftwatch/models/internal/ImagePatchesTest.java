package io.shiftwatch.models.internal;

import io.shiftwatch.models.TestbedModelConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImagePatchesTest {

    @Test
    void patchesAreCutInRowMajorGridOrderAndScaledToMinusOneOne() {
        // Given: a 4x4 image cut into 2x2 patches; pixel (y, x) has red = 16*y + x, green 0, blue 255
        var config = new TestbedModelConfig("p", 4, 4, 8, 1, 1, 1, 3);
        byte[] rgb = new byte[4 * 4 * 3];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++) {
                rgb[(y * 4 + x) * 3] = (byte) (16 * y + x);
                rgb[(y * 4 + x) * 3 + 2] = (byte) 255;
            }

        // When
        float[] patches = ImagePatches.flatten(List.of(rgb), config);

        // Then: patch 1 (top-right) starts at pixel (0, 2); its 3rd pixel is (1, 2); blue maps to 1, green to -1
        assertEquals(4 * 12, patches.length);
        assertEquals(2 / 127.5f - 1f, patches[12], 1e-6);
        assertEquals(18 / 127.5f - 1f, patches[12 + 2 * 3], 1e-6);
        assertEquals(-1f, patches[12 + 1], 1e-6);
        assertEquals(1f, patches[12 + 2], 1e-6);
        assertEquals(32 / 127.5f - 1f, patches[2 * 12], 1e-6);
    }

    @Test
    void anImageOfTheWrongSizeIsRejected() {
        // Given
        var config = new TestbedModelConfig("p", 4, 4, 8, 1, 1, 1, 3);

        // When / Then
        assertThrows(IllegalArgumentException.class, () -> ImagePatches.flatten(List.of(new byte[10]), config));
    }
}
