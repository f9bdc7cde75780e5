package io.shiftwatch.models.internal;

import io.shiftwatch.models.TestbedModelConfig;

import java.util.List;

/**
 * Cuts square RGB images (row-major, 3 bytes per pixel) into the patch layout the encoder reads:
 * [B, P, patchDim] flattened, patches in row-major grid order, each patch row-major with R,G,B per
 * pixel, bytes scaled to [-1, 1]. Pure function.
 */
final class ImagePatches {
    private ImagePatches() {
    }

    static float[] flatten(List<byte[]> images, TestbedModelConfig config) {
        int side = config.imageSize();
        int grid = config.patchGrid();
        int patch = config.patchSize();
        int patchDim = config.patchDim();
        float[] out = new float[images.size() * config.prefixTokens() * patchDim];
        for (int b = 0; b < images.size(); b++) {
            byte[] rgb = images.get(b);
            if (rgb.length != side * side * 3)
                throw new IllegalArgumentException("image " + b + " has " + rgb.length + " bytes, the model reads "
                        + side + "x" + side + "x3 = " + side * side * 3);
            int i = b * config.prefixTokens() * patchDim;
            for (int gy = 0; gy < grid; gy++)
                for (int gx = 0; gx < grid; gx++)
                    for (int y = gy * patch; y < (gy + 1) * patch; y++)
                        for (int x = gx * patch; x < (gx + 1) * patch; x++)
                            for (int c = 0; c < 3; c++)
                                out[i++] = (rgb[(y * side + x) * 3 + c] & 0xff) / 127.5f - 1f;
        }
        return out;
    }
}
