package dev.tunesmith.recommend.model;

/**
 * EASE (Steck 2019) item–item weight matrix B over the items with enough support.
 *
 * @param local dense item index → row of B, or -1 for items left out (too few users)
 * @param kept row of B → dense item index
 * @param weights B, {@code kept.length²}, row-major, zero diagonal
 */
public record EaseModel(int[] local, int[] kept, float[] weights) {
    private static final String KIND = "ease";

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            ModelIo.writeInts(out, local);
            ModelIo.writeInts(out, kept);
            ModelIo.writeFloats(out, weights);
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static EaseModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1,
                in -> new EaseModel(ModelIo.readInts(in), ModelIo.readInts(in), ModelIo.readFloats(in)));
    }
}
