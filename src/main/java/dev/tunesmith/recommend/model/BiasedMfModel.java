package dev.tunesmith.recommend.model;

/**
 * Biased matrix factorisation r̂_ui = μ + b_u + b_i + p_u·q_i trained on implicit data
 * (observed pairs as 1, sampled unobserved pairs as 0).
 *
 * @param k factors
 * @param mu global mean μ
 * @param itemBias b_i
 * @param itemFactors Q, items × k
 * @param userBias b_u of the training users
 * @param userFactors P, training users × k
 * @param lambda L2 regularisation used when folding a new user in
 * @param negativeRatio sampled negatives per positive during training
 */
public record BiasedMfModel(int k, float mu, float[] itemBias, float[] itemFactors, float[] userBias,
        float[] userFactors, double lambda, int negativeRatio) {
    private static final String KIND = "biasedmf";

    /** Number of items. */
    public int items() {
        return itemBias.length;
    }

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            out.writeInt(k);
            out.writeFloat(mu);
            ModelIo.writeFloats(out, itemBias);
            ModelIo.writeFloats(out, itemFactors);
            ModelIo.writeFloats(out, userBias);
            ModelIo.writeFloats(out, userFactors);
            out.writeDouble(lambda);
            out.writeInt(negativeRatio);
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static BiasedMfModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1, in -> new BiasedMfModel(in.readInt(), in.readFloat(),
                ModelIo.readFloats(in), ModelIo.readFloats(in), ModelIo.readFloats(in), ModelIo.readFloats(in),
                in.readDouble(), in.readInt()));
    }
}
