package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;

/** User-KNN with cosine similarity on log(1 + plays) rows. */
public final class UserKnnTrainer implements ScorerTrainer {
    private final int k;

    /** @param k neighbours used to score */
    public UserKnnTrainer(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return "userknn";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new UserKnnScorer(fit(data));
    }

    /** Trains the model. */
    public UserKnnModel fit(Interactions data) {
        float[] norms = new float[data.users()];
        for (int u = 0; u < data.users(); u++) {
            double s = 0;
            for (int e = data.rowStart(u); e < data.rowStart(u + 1); e++) {
                double w = Math.log1p(data.valueAt(e));
                s += w * w;
            }
            norms[u] = (float) Math.sqrt(s);
        }
        return new UserKnnModel(data, norms, k);
    }
}
