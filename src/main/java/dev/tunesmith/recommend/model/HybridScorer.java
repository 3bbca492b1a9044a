package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;
import java.util.List;

/**
 * Linear blend of standardised component scores: s_i = Σ_c w_c·z_c(i), where z_c are the
 * component's scores standardised over all items for this user.
 */
public record HybridScorer(List<ItemScorer> components, double[] weights) implements ItemScorer {
    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public int itemCount() {
        return components.get(0).itemCount();
    }

    @Override
    public void score(UserVector user, float[] out) {
        int n = itemCount();
        java.util.Arrays.fill(out, 0, n, 0f);
        float[] tmp = new float[n];
        for (int c = 0; c < components.size(); c++) {
            if (weights[c] == 0) {
                continue;
            }
            components.get(c).score(user, tmp);
            Vectors.standardise(tmp, n);
            float w = (float) weights[c];
            for (int i = 0; i < n; i++) {
                out[i] += w * tmp[i];
            }
        }
    }
}
