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
 * One pre-norm decoder block: {@code x + attn(ln1(x))}, then {@code x + mlp(ln2(x))}; causal multi-head
 * self-attention written out (no dropout anywhere). Input and output [B, S, D]; the additive attention
 * mask is [B or 1, 1, S, S_keys] (0 = attend, large negative = masked). With a {@link KvCache} the
 * block attends over the cached keys/values plus the new ones and appends the new ones to the cache.
 */
final class DecoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hiddenSize;
    private final int numHeads;
    private final LayerNorm attentionNorm;
    private final Linear attentionQkv;
    private final Linear attentionOutput;
    private final LayerNorm mlpNorm;
    private final Linear mlpInput;
    private final Linear mlpOutput;

    DecoderLayer(int hiddenSize, int numHeads, int mlpRatio) {
        super(VERSION);
        this.hiddenSize = hiddenSize;
        this.numHeads = numHeads;
        // axis(2): normalise each position over D only (the default would also normalise across positions).
        attentionNorm = addChildBlock("attention_norm", LayerNorm.builder().axis(2).build());
        attentionQkv = addChildBlock("attention_qkv", Linear.builder().setUnits(3L * hiddenSize).build());
        attentionOutput = addChildBlock("attention_output", Linear.builder().setUnits(hiddenSize).build());
        mlpNorm = addChildBlock("mlp_norm", LayerNorm.builder().axis(2).build());
        mlpInput = addChildBlock("mlp_input", Linear.builder().setUnits((long) mlpRatio * hiddenSize).build());
        mlpOutput = addChildBlock("mlp_output", Linear.builder().setUnits(hiddenSize).build());
    }

    /** The block's output [B, S, D]; {@code cache} may be null (attend over this window only). */
    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, KvCache cache, int layerIndex, boolean training) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDArray h = attentionNorm.forward(ps, new NDList(x), training).head();
        NDList qkv = attentionQkv.forward(ps, new NDList(h), training).head().split(3, 2);
        NDArray q = splitHeads(qkv.get(0), batch, length);
        NDArray k = splitHeads(qkv.get(1), batch, length);
        NDArray v = splitHeads(qkv.get(2), batch, length);
        if (cache != null) {
            NDArray[] kv = cache.extend(layerIndex, k, v);
            k = kv[0];
            v = kv[1];
        }
        float scale = (float) (1.0 / Math.sqrt((double) hiddenSize / numHeads));
        // The scale is an engine-owned array, not a Number: the backward pass reads it (EngineArrays).
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(EngineArrays.scalar(q.getManager(), scale)).add(mask);
        NDArray context = scores.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, hiddenSize);
        x = x.add(attentionOutput.forward(ps, new NDList(context), training).head());
        NDArray m = mlpInput.forward(ps, new NDList(mlpNorm.forward(ps, new NDList(x), training).head()), training).head();
        m = mlpOutput.forward(ps, new NDList(Activation.gelu(m)), training).head();
        return x.add(m);
    }

    private NDArray splitHeads(NDArray a, long batch, long length) {
        return a.reshape(batch, length, numHeads, hiddenSize / numHeads).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), null, 0, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape wide = new Shape(x.get(0), x.get(1), mlpInput.getOutputShapes(new Shape[] {x})[0].get(2));
        for (var norm : new LayerNorm[] {attentionNorm, mlpNorm}) norm.initialize(manager, dataType, x);
        attentionQkv.initialize(manager, dataType, x);
        attentionOutput.initialize(manager, dataType, x);
        mlpInput.initialize(manager, dataType, x);
        mlpOutput.initialize(manager, dataType, wide);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
