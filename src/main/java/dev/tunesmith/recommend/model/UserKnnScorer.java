package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.UserVector;

/**
 * Serves a {@link UserKnnModel}: cosine(u, v) on log(1 + plays) against every training user
 * (skipping the user's own row), then s_i = Σ_{v ∈ top-k} cos(u, v) over the neighbours who have i.
 */
public record UserKnnScorer(UserKnnModel model) implements ItemScorer {
    @Override
    public String name() {
        return "userknn";
    }

    @Override
    public int itemCount() {
        return model.data().items();
    }

    /** Cosine similarity of the user to every training user (own row set to 0). */
    public float[] similarities(UserVector user) {
        Interactions d = model.data();
        float[] sim = new float[d.users()];
        double un = 0;
        for (int e = 0; e < user.size(); e++) {
            int i = user.items()[e];
            if (i >= d.items()) {
                continue;
            }
            float w = (float) Math.log1p(user.values()[e]);
            un += w * w;
            for (int c = d.colStart(i); c < d.colStart(i + 1); c++) {
                sim[d.rowAt(c)] += w * (float) Math.log1p(d.colValueAt(c));
            }
        }
        float n = (float) Math.sqrt(un);
        for (int v = 0; v < sim.length; v++) {
            sim[v] = sim[v] == 0 ? 0 : sim[v] / (n * model.norms()[v]);
        }
        if (user.self() >= 0) {
            sim[user.self()] = 0;
        }
        return sim;
    }

    @Override
    public void score(UserVector user, float[] out) {
        Interactions d = model.data();
        java.util.Arrays.fill(out, 0, d.items(), 0f);
        float[] sim = similarities(user);
        int[] top = Vectors.topK(sim, sim.length, model.k(), null);
        for (int v : top) {
            float s = sim[v];
            if (s <= 0) {
                break;
            }
            for (int e = d.rowStart(v); e < d.rowStart(v + 1); e++) {
                out[d.colAt(e)] += s;
            }
        }
    }
}
