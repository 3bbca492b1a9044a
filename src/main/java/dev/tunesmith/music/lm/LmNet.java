package dev.tunesmith.music.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token embedding → multi-layer LSTM → linear projection to vocabulary logits.
 *
 * <p>Input: {@code ids (B, T)} and optionally the state {@code h, c (layers, B, hidden)}. Output:
 * {@code logits (B, T, V), h, c}.
 */
final class LmNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LmConfig config;
    private final IdEmbedding embedding;
    private final LSTM lstm;
    private final Linear output;

    LmNet(LmConfig config) {
        super(VERSION);
        this.config = config;
        embedding = addChildBlock("embedding", new IdEmbedding.Builder().setDictionarySize(config.vocabSize()).setEmbeddingSize(config.embedding()).build());
        lstm = addChildBlock("lstm", LSTM.builder()
                .setStateSize(config.hidden())
                .setNumLayers(config.layers())
                .optBatchFirst(true)
                .optReturnState(true)
                .optDropRate(config.dropout())
                .build());
        output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // x = onehot(ids) · E, reading the embedding table directly: IdEmbedding.forward temporarily
        // re-attaches the shared table to a per-call scope, which races between predictors.
        NDArray ids = inputs.get(0);
        NDArray table = ps.getValue(embedding.getParameters().valueAt(0), ids.getDevice(), training);
        NDArray x = ids.oneHot(config.vocabSize()).toType(table.getDataType(), false).matMul(table);
        NDList lstmIn = inputs.size() >= 3 ? new NDList(x, inputs.get(1), inputs.get(2)) : new NDList(x);
        NDList o = lstm.forward(ps, lstmIn, training);
        NDArray logits = output.forward(ps, new NDList(o.get(0)), training).head();
        return new NDList(logits, o.get(1), o.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape state = new Shape(config.layers(), in.get(0), config.hidden());
        return new Shape[] {new Shape(in.get(0), in.get(1), config.vocabSize()), state, state};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        embedding.initialize(manager, dataType, ids);
        Shape emb = new Shape(ids.get(0), ids.get(1), config.embedding());
        lstm.initialize(manager, dataType, emb);
        output.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), config.hidden()));
    }
}
