package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;

/** Trains a model on an interaction matrix and returns its scorer (used by evaluation and the hybrid). */
public interface ScorerTrainer {
    /** Name of the scorer this trainer produces. */
    String name();

    /** Trains on {@code data} and returns the scorer serving the trained model. */
    ItemScorer train(Interactions data);
}
