package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.shiftwatch.models.TestbedModelConfig;

/**
 * Overlapping-window image encoder ({@link io.shiftwatch.models.ImageEncoder#PATCH_WINDOW}). Reads the same patch
 * layout as {@link PatchEncoder} ([B, P, patchDim], see {@link ImagePatches}), reassembles the image [B, 3, H, W],
 * then one convolution with a kernel of 3 x 3 patches, a stride of one patch and a padding of one patch (so cell
 * (r, c) sees its own patch and its eight neighbours, zeros outside the image) to D channels → GELU → a per-cell
 * Linear D → D. Output [B, P, D] in row-major grid order (no positions yet). The testbed world puts objects on
 * patch borders and corners (positions at 0.18 / 0.5 / 0.82 of the side): the patch MLP sees them only as fragments
 * spread over two or four cells, this encoder sees each one whole in the cell nearest to it.
 */
final class WindowEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final TestbedModelConfig config;
    private final Conv2d window;
    private final Linear cellProjection;

    WindowEncoder(TestbedModelConfig config) {
        super(VERSION);
        this.config = config;
        int p = config.patchSize();
        window = addChildBlock("window", Conv2d.builder().setKernelShape(new Shape(3L * p, 3L * p))
                .optStride(new Shape(p, p)).optPadding(new Shape(p, p)).setFilters(config.hiddenSize()).build());
        cellProjection = addChildBlock("cell_projection", Linear.builder().setUnits(config.hiddenSize()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var patches = inputs.head();
        long b = patches.getShape().get(0);
        var x = Activation.gelu(window.forward(ps, new NDList(ConvStem.image(patches, config)), training).head());
        // [B, D, g, g] -> [B, g*g, D]: cells in row-major order, like the patches.
        x = x.reshape(b, config.hiddenSize(), config.prefixTokens()).transpose(0, 2, 1);
        return cellProjection.forward(ps, new NDList(x), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        Shape image = new Shape(b, 3, config.imageSize(), config.imageSize());
        window.initialize(manager, dataType, image);
        cellProjection.initialize(manager, dataType, new Shape(b, config.prefixTokens(), config.hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.hiddenSize())};
    }
}
