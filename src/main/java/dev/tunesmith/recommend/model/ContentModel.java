package dev.tunesmith.recommend.model;

/**
 * Content vectors of the items: sparse (tag TF-IDF) or dense (text embeddings, all dims present),
 * each L2-normalised.
 *
 * @param dims dimensionality
 * @param indices per item, ascending dimension indices
 * @param values per item, values matching {@code indices}
 */
public record ContentModel(int dims, int[][] indices, float[][] values) {
    private static final String KIND = "content";

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            out.writeInt(dims);
            out.writeInt(indices.length);
            for (int i = 0; i < indices.length; i++) {
                ModelIo.writeInts(out, indices[i]);
                ModelIo.writeFloats(out, values[i]);
            }
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static ContentModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1, in -> {
            int dims = in.readInt();
            int n = in.readInt();
            int[][] idx = new int[n][];
            float[][] val = new float[n][];
            for (int i = 0; i < n; i++) {
                idx[i] = ModelIo.readInts(in);
                val[i] = ModelIo.readFloats(in);
            }
            return new ContentModel(dims, idx, val);
        });
    }

    /** Number of items. */
    public int items() {
        return indices.length;
    }

    /** TF-IDF over tag counts: tf = log(1 + count), idf = log(items / df); rows L2-normalised. */
    public static ContentModel tfIdf(int dims, int[][] tags, float[][] counts) {
        int n = tags.length;
        int[] df = new int[dims];
        for (int[] t : tags) {
            for (int d : t) {
                df[d]++;
            }
        }
        float[][] vals = new float[n][];
        for (int i = 0; i < n; i++) {
            vals[i] = new float[tags[i].length];
            for (int j = 0; j < tags[i].length; j++) {
                vals[i][j] = (float) (Math.log1p(counts[i][j]) * Math.log((double) n / df[tags[i][j]]));
            }
            normalise(vals[i]);
        }
        return new ContentModel(dims, tags, vals);
    }

    /** Dense vectors (e.g. MiniLM embeddings), L2-normalised; a null row becomes an empty vector. */
    public static ContentModel dense(int dims, float[][] vectors) {
        int[] all = new int[dims];
        for (int d = 0; d < dims; d++) {
            all[d] = d;
        }
        int[][] idx = new int[vectors.length][];
        float[][] vals = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null) {
                idx[i] = new int[0];
                vals[i] = new float[0];
            } else {
                idx[i] = all;
                vals[i] = vectors[i].clone();
                normalise(vals[i]);
            }
        }
        return new ContentModel(dims, idx, vals);
    }

    static void normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int j = 0; j < v.length; j++) {
                v[j] *= inv;
            }
        }
    }
}
