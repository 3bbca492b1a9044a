package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;

/** Scores items by popularity, the same for every user. */
public record PopularityScorer(PopularityModel model) implements ItemScorer {
    @Override
    public String name() {
        return "pop";
    }

    @Override
    public int itemCount() {
        return model.counts().length;
    }

    @Override
    public void score(UserVector user, float[] out) {
        System.arraycopy(model.counts(), 0, out, 0, model.counts().length);
    }
}
