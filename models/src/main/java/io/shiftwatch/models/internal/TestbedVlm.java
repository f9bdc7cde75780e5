package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.TestbedModelConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The testbed VLM as a DJL block: image encoder ({@link PatchEncoder}, {@link ConvStem} or {@link WindowEncoder}) → image prefix [B, P, D]; token embedding (+ learned
 * positions over prefix and text) → decoder blocks → final LayerNorm → untied LM head [B, S, V].
 * The pieces are exposed separately so {@link ResidualStream} can read and steer the residual stream
 * between blocks; {@link #forwardInternal} is the plain pass (inputs: patches [B,P,patchDim] float,
 * text ids [B,T] int64; output logits [B, P+T, V]), masked as {@link TestbedModelConfig#promptAttention()} says.
 */
public final class TestbedVlm extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float INIT_STD = 0.02f;

    private final TestbedModelConfig config;
    private final int vocabSize;
    private final AbstractBlock imageEncoder;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear lmHead;

    public TestbedVlm(TestbedModelConfig config, int vocabSize) {
        super(VERSION);
        this.config = config;
        this.vocabSize = vocabSize;
        int d = config.hiddenSize();
        imageEncoder = addChildBlock("image_encoder", switch (config.imageEncoder()) {
            case PATCH_MLP -> new PatchEncoder(d);
            case PATCH_MLP_NORM -> new PatchEncoder(d, true);
            case CONV_STEM -> new ConvStem(config);
            case PATCH_WINDOW -> new WindowEncoder(config);
        });
        tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabSize, d)).build());
        positionEmbedding = addParameter(Parameter.builder().setName("position_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.maxPositions(), d)).build());
        for (int l = 1; l <= config.numLayers(); l++)
            layers.add(addChildBlock("decoder_" + l, new DecoderLayer(d, config.numHeads(), config.mlpRatio())));
        finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(2).build());
        lmHead = addChildBlock("lm_head", Linear.builder().setUnits(vocabSize).optBias(false).build());
    }

    public TestbedModelConfig config() { return config; }

    public int vocabSize() { return vocabSize; }

    /**
     * Seeded initialisation (GPT-2 style): weights N(0, 0.02²), the two residual output projections
     * N(0, (0.02/sqrt(2L))²), convolution kernels He-normal N(0, 2/fanIn) (0.02 would shrink the signal
     * through the stem's stacked GELUs), biases and LayerNorm shifts 0, LayerNorm scales 1.
     */
    public void initializeWeights(NDManager manager, long seed) {
        float residualStd = (float) (INIT_STD / Math.sqrt(2.0 * config.numLayers()));
        for (var entry : getParameters()) {
            String name = entry.getKey();
            Parameter p = entry.getValue();
            p.setInitializer(switch (p.getType()) {
                case GAMMA -> SeededInitializer.constant(1f);
                case BETA, BIAS -> SeededInitializer.constant(0f);
                default -> name.matches(".*conv_\\d+_weight") ? SeededInitializer.heNormal(seed, name)
                        : SeededInitializer.normal(seed, name, name.endsWith("attention_output_weight")
                        || name.endsWith("mlp_output_weight") ? residualStd : INIT_STD);
            });
        }
        initialize(manager, DataType.FLOAT32, new Shape(1, config.prefixTokens(), config.patchDim()), new Shape(1, 1));
    }

    /** Image prefix [B, P, D] (positions not yet added) from patches [B, P, patchDim]. */
    NDArray embedImage(ParameterStore ps, NDArray patches, boolean training) {
        return imageEncoder.forward(ps, new NDList(patches), training).head();
    }

    /** Token embeddings [B, T, D] of int64 ids [B, T]. */
    NDArray embedTokens(ParameterStore ps, NDArray ids, boolean training) {
        return lookup(ps, tokenEmbedding, ids, training);
    }

    /** Positional embeddings [B, S, D] of int64 positions [B, S]. */
    NDArray embedPositions(ParameterStore ps, NDArray positions, boolean training) {
        return lookup(ps, positionEmbedding, positions, training);
    }

    private static NDArray lookup(ParameterStore ps, Parameter table, NDArray ids, boolean training) {
        // The lookup is called on the ids, so the result lives in the ids' (per-batch) manager.
        NDArray weight = ps.getValue(table, ids.getDevice(), training);
        return Embedding.embedding(ids, weight, SparseFormat.DENSE).head();
    }

    /** Decoder block {@code block} (1-based) applied to [B, S, D]. */
    NDArray block(int block, ParameterStore ps, NDArray x, NDArray mask, KvCache cache, boolean training) {
        return layers.get(block - 1).forward(ps, x, mask, cache, block - 1, training);
    }

    /** Final LayerNorm over D of [B, S, D]. */
    NDArray finalNorm(ParameterStore ps, NDArray x, boolean training) {
        return finalNorm.forward(ps, new NDList(x), training).head();
    }

    /** LM head: [B, S, D] (final-norm output) → logits [B, S, V]. */
    NDArray logits(ParameterStore ps, NDArray normed, boolean training) {
        return lmHead.forward(ps, new NDList(normed), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray patches = inputs.get(0);
        NDArray ids = inputs.get(1);
        var window = SequenceWindow.teacherForced(patches.getManager(), config.prefixTokens(), (int) ids.getShape().get(1),
                (int) ids.getShape().get(0), config.promptAttention() == PromptAttention.CAUSAL ? null
                        : ids.toType(DataType.INT64, false).toLongArray(), config.promptAttention());
        NDArray x = embedImage(ps, patches, training).concat(embedTokens(ps, ids, training), 1)
                .add(embedPositions(ps, window.positions(), training));
        NDArray normed = ResidualStream.run(this, ps, x, window.mask(), null, null, ResidualStream.Capture.none(), training);
        return new NDList(logits(ps, normed, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(1, 1, config.hiddenSize());
        imageEncoder.initialize(manager, dataType, inputShapes[0]);
        for (DecoderLayer layer : layers) layer.initialize(manager, dataType, hidden);
        finalNorm.initialize(manager, dataType, hidden);
        lmHead.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[1].get(0);
        return new Shape[] {new Shape(batch, config.prefixTokens() + inputShapes[1].get(1), vocabSize)};
    }
}
