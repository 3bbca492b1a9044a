package dev.tunesmith.recommend.model;

/**
 * EASE (Steck 2019) item–item weight matrix B over the items with enough support.
 *
 * @param local dense item index → row of B, or -1 for items left out (too few users)
 * @param kept row of B → dense item index
 * @param weights B, {@code kept.length²}, row-major, zero diagonal
 * @param weighted the rows of X are log(1 + r) instead of binary, in training and when scoring
 */
public record EaseModel(int[] local, int[] kept, float[] weights, boolean weighted) {
    private static final String KIND = "ease";

    /** A binary model. */
    public EaseModel(int[] local, int[] kept, float[] weights) {
        this(local, kept, weights, false);
    }

    /** The entry of X for a count r. */
    public float x(float r) {
        return weighted ? (float) Math.log1p(r) : 1f;
    }

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            ModelIo.writeInts(out, local);
            ModelIo.writeInts(out, kept);
            ModelIo.writeFloats(out, weights);
            out.writeBoolean(weighted); // trailer, absent in binary models stored before it existed
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static EaseModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1,
                in -> new EaseModel(ModelIo.readInts(in), ModelIo.readInts(in), ModelIo.readFloats(in),
                        in.available() > 0 && in.readBoolean()));
    }
}
