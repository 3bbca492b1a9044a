package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;

/** Serves an {@link EaseModel}: s = xᵤB over the kept items; other items get the minimum score. */
public record EaseScorer(EaseModel model) implements ItemScorer {
    @Override
    public String name() {
        return "ease";
    }

    @Override
    public int itemCount() {
        return model.local().length;
    }

    @Override
    public void score(UserVector user, float[] out) {
        int n = model.kept().length;
        float[] acc = new float[n];
        float[] w = model.weights();
        for (int e = 0; e < user.size(); e++) {
            int l = model.local()[user.items()[e]];
            if (l < 0) {
                continue;
            }
            int off = l * n;
            float x = model.x(user.values()[e]);
            for (int b = 0; b < n; b++) {
                acc[b] += x * w[off + b];
            }
        }
        float min = 0;
        for (float v : acc) {
            min = Math.min(min, v);
        }
        java.util.Arrays.fill(out, 0, model.local().length, min - 1e-3f);
        for (int b = 0; b < n; b++) {
            out[model.kept()[b]] = acc[b];
        }
    }
}
