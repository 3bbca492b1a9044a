package dev.tunesmith.recommend.model;

/**
 * Popularity baseline: number of users who interacted with each item.
 *
 * @param counts users per item (dense item index)
 */
public record PopularityModel(float[] counts) {
    private static final String KIND = "popularity";

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> ModelIo.writeFloats(out, counts));
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static PopularityModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1, in -> new PopularityModel(ModelIo.readFloats(in)));
    }
}
