package dev.tunesmith.recommend.model;

import java.util.List;

/**
 * The hybrid's learned part: component names and their blend weights (chosen on validation folds
 * by {@link HybridTrainer}). Served by {@link HybridScorer} over the components' own models.
 *
 * @param components component scorer names, in order
 * @param weights weight per component
 */
public record HybridModel(List<String> components, double[] weights) {
    private static final String KIND = "hybrid";

    /** Checks that names and weights line up. */
    public HybridModel {
        components = List.copyOf(components);
        weights = weights.clone();
        if (components.size() != weights.length) {
            throw new IllegalArgumentException("one weight per component");
        }
    }

    /** Serialises the model. */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            out.writeInt(components.size());
            for (String c : components) {
                out.writeUTF(c);
            }
            ModelIo.writeDoubles(out, weights);
        });
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static HybridModel fromBytes(byte[] b) {
        return ModelIo.fromBytes(b, KIND, 1, in -> {
            int n = in.readInt();
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = in.readUTF();
            }
            return new HybridModel(List.of(names), ModelIo.readDoubles(in));
        });
    }
}
