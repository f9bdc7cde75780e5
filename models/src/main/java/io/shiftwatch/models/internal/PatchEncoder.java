package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Image encoder: each flattened patch [patchDim] goes through Linear → GELU → Linear to one prefix
 * token [D]. Input [B, P, patchDim] (see {@link ImagePatches}), output [B, P, D] (no positions yet).
 * Normalised ({@link io.shiftwatch.models.ImageEncoder#PATCH_MLP_NORM}), the token then goes through a
 * LayerNorm and is scaled by 1/sqrt(D), so it enters the residual stream at unit norm — the scale of the
 * word and position embeddings — instead of the ~20 the raw MLP output reaches.
 */
final class PatchEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hiddenSize;
    private final Linear patchProjection;
    private final Linear patchMlp;
    private final LayerNorm outputNorm;

    PatchEncoder(int hiddenSize) {
        this(hiddenSize, false);
    }

    PatchEncoder(int hiddenSize, boolean normalised) {
        super(VERSION);
        this.hiddenSize = hiddenSize;
        patchProjection = addChildBlock("patch_projection", Linear.builder().setUnits(hiddenSize).build());
        patchMlp = addChildBlock("patch_mlp", Linear.builder().setUnits(hiddenSize).build());
        outputNorm = normalised ? addChildBlock("output_norm", LayerNorm.builder().axis(2).build()) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var h = patchProjection.forward(ps, inputs, training).head();
        h = Activation.gelu(h);
        NDList out = patchMlp.forward(ps, new NDList(h), training);
        if (outputNorm == null) return out;
        NDArray normed = outputNorm.forward(ps, out, training).head();
        return new NDList(normed.mul(EngineArrays.scalar(normed.getManager(), (float) (1 / Math.sqrt(hiddenSize)))));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        patchProjection.initialize(manager, dataType, in);
        patchMlp.initialize(manager, dataType, new Shape(in.get(0), in.get(1), hiddenSize));
        if (outputNorm != null) outputNorm.initialize(manager, dataType, new Shape(in.get(0), in.get(1), hiddenSize));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), hiddenSize)};
    }
}
