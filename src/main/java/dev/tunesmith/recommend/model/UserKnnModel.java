package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;

/**
 * User-KNN model: the training interactions (log-scaled play weights) and each user's norm.
 *
 * @param data training interactions
 * @param norms ‖log(1 + rᵥ)‖ per training user
 * @param k neighbours used at scoring time
 */
public record UserKnnModel(Interactions data, float[] norms, int k) {}
