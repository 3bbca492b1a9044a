package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;

/**
 * Serves an {@link ItemKnnModel}: s_i = Σ_{j ∈ u} sim(j, i) over j's neighbour lists.
 *
 * @param model neighbour lists
 * @param name scorer name ("itemknn", or "rp3beta" for RP3β weights)
 */
public record ItemKnnScorer(ItemKnnModel model, String name) implements ItemScorer {
    /** An item-KNN scorer named "itemknn". */
    public ItemKnnScorer(ItemKnnModel model) {
        this(model, "itemknn");
    }

    @Override
    public int itemCount() {
        return model.items();
    }

    @Override
    public void score(UserVector user, float[] out) {
        java.util.Arrays.fill(out, 0, model.items(), 0f);
        int k = model.k();
        for (int j : user.items()) {
            for (int q = j * k; q < (j + 1) * k; q++) {
                int i = model.neighbours()[q];
                if (i < 0) {
                    break;
                }
                out[i] += model.similarities()[q];
            }
        }
    }
}
