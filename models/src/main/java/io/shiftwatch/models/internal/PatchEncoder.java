package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Image encoder: each flattened patch [patchDim] goes through Linear → GELU → Linear to one prefix
 * token [D]. Input [B, P, patchDim] (see {@link ImagePatches}), output [B, P, D] (no positions yet).
 */
final class PatchEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hiddenSize;
    private final Linear patchProjection;
    private final Linear patchMlp;

    PatchEncoder(int hiddenSize) {
        super(VERSION);
        this.hiddenSize = hiddenSize;
        patchProjection = addChildBlock("patch_projection", Linear.builder().setUnits(hiddenSize).build());
        patchMlp = addChildBlock("patch_mlp", Linear.builder().setUnits(hiddenSize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        var h = patchProjection.forward(ps, inputs, training).head();
        h = Activation.gelu(h);
        return patchMlp.forward(ps, new NDList(h), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        patchProjection.initialize(manager, dataType, in);
        patchMlp.initialize(manager, dataType, new Shape(in.get(0), in.get(1), hiddenSize));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), hiddenSize)};
    }
}
