package dev.tunesmith.recommend.model;

/**
 * Implicit-feedback ALS model (Hu, Koren, Volinsky 2008). Holds item factors Y (items × k,
 * row-major), the Gram matrix YᵀY (k × k) used to fold users in, and the hyper-parameters.
 * Users are not stored: a user's factor is solved from their items at query time.
 *
 * @param k number of factors
 * @param lambda L2 regularisation λ
 * @param alpha confidence scale α in c = 1 + α·log(1 + r)
 * @param itemFactors Y, {@code items × k}
 * @param gram YᵀY, {@code k × k}
 * @param weightedLambda whether λ is scaled by the row's number of interactions (ALS-WR, as Spark does)
 */
public record AlsModel(int k, double lambda, double alpha, float[] itemFactors, double[] gram,
        boolean weightedLambda) {
    private static final String KIND = "als";

    /** Number of items. */
    public int items() {
        return itemFactors.length / k;
    }

    /** The regularisation of a row with {@code n} interactions: λ, or λ·n when weighted. */
    public double regularisation(int n) {
        return weightedLambda ? lambda * n : lambda;
    }

    /** Confidence of an interaction with weight {@code r}: c = 1 + α·log(1 + r). */
    public double confidence(double r) {
        return 1 + alpha * Math.log1p(r);
    }

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 2, out -> {
            out.writeInt(k);
            out.writeDouble(lambda);
            out.writeDouble(alpha);
            ModelIo.writeFloats(out, itemFactors);
            ModelIo.writeDoubles(out, gram);
            out.writeBoolean(weightedLambda);
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static AlsModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 2, in -> new AlsModel(in.readInt(), in.readDouble(), in.readDouble(),
                ModelIo.readFloats(in), ModelIo.readDoubles(in), in.readBoolean()));
    }
}
