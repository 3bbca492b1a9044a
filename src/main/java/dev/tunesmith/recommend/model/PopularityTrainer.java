package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;

/** Counts users per item. */
public final class PopularityTrainer implements ScorerTrainer {
    /** Trains the model. */
    public PopularityModel fit(Interactions data) {
        float[] c = new float[data.items()];
        for (int i = 0; i < c.length; i++) {
            c[i] = data.itemCount(i);
        }
        return new PopularityModel(c);
    }

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new PopularityScorer(fit(data));
    }
}
