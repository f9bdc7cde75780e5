package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Convolutional image encoder ({@link io.shiftwatch.models.ImageEncoder#CONV_STEM}). Reads the same
 * patch layout as {@link PatchEncoder} ([B, P, patchDim], see {@link ImagePatches}), reassembles the
 * image [B, 3, H, W], then: conv 3x3 stride 1 to D/2^k channels, k = log2(patchSize) convs 3x3
 * stride 2 (channels doubling up to D) with GELU after each, and a per-cell Linear D → D. Output
 * [B, P, D] in row-major grid order (no positions yet). For 32 px and 16 cells the receptive field of
 * a cell is 17 px against an 8 px patch, so an object centred on a patch corner is still seen whole.
 */
final class ConvStem extends AbstractBlock {
    private static final byte VERSION = 1;
    private final TestbedModelConfig config;
    private final List<Conv2d> convolutions = new ArrayList<>();
    private final Linear cellProjection;

    ConvStem(TestbedModelConfig config) {
        super(VERSION);
        this.config = config;
        int halvings = Integer.numberOfTrailingZeros(config.patchSize());
        for (int i = 0; i <= halvings; i++) {
            int channels = Math.max(4, config.hiddenSize() >> (halvings - i));
            Shape stride = i == 0 ? new Shape(1, 1) : new Shape(2, 2);
            convolutions.add(addChildBlock("conv_" + (i + 1), Conv2d.builder().setKernelShape(new Shape(3, 3))
                    .optStride(stride).optPadding(new Shape(1, 1)).setFilters(channels).build()));
        }
        cellProjection = addChildBlock("cell_projection", Linear.builder().setUnits(config.hiddenSize()).build());
    }

    /** The image [B, 3, H, W] behind patches [B, P, patchDim] (inverse of {@link ImagePatches#flatten}). */
    static NDArray image(NDArray patches, TestbedModelConfig config) {
        long b = patches.getShape().get(0);
        int g = config.patchGrid(), p = config.patchSize();
        return patches.reshape(b, g, g, p, p, 3).transpose(0, 5, 1, 3, 2, 4)
                .reshape(b, 3, config.imageSize(), config.imageSize());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray patches = inputs.head();
        long b = patches.getShape().get(0);
        NDArray x = image(patches, config);
        for (Conv2d conv : convolutions) x = Activation.gelu(conv.forward(ps, new NDList(x), training).head());
        // [B, C, g, g] -> [B, g*g, C]: cells in row-major order, like the patches.
        x = x.reshape(b, x.getShape().get(1), config.prefixTokens()).transpose(0, 2, 1);
        return cellProjection.forward(ps, new NDList(x), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        Shape shape = new Shape(b, 3, config.imageSize(), config.imageSize());
        for (Conv2d conv : convolutions) {
            conv.initialize(manager, dataType, shape);
            shape = conv.getOutputShapes(new Shape[] {shape})[0];
        }
        cellProjection.initialize(manager, dataType, new Shape(b, config.prefixTokens(), shape.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.hiddenSize())};
    }
}
