package dev.tunesmith.recommend.model;

/**
 * Item-KNN model: for every item its top neighbours by cosine similarity of binary item columns.
 *
 * @param k neighbours per item
 * @param neighbours {@code items × k} neighbour indices, -1 where fewer exist
 * @param similarities {@code items × k} cosine similarities
 */
public record ItemKnnModel(int k, int[] neighbours, float[] similarities) {
    private static final String KIND = "itemknn";

    /** Number of items. */
    public int items() {
        return neighbours.length / k;
    }

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            out.writeInt(k);
            ModelIo.writeInts(out, neighbours);
            ModelIo.writeFloats(out, similarities);
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static ItemKnnModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1,
                in -> new ItemKnnModel(in.readInt(), ModelIo.readInts(in), ModelIo.readFloats(in)));
    }
}
