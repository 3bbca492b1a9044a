package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;

/**
 * Serves a trained model: scores every item (dense index) for one user. Implementations are
 * immutable and thread-safe; higher is better; every entry of {@code out} is finite.
 */
public interface ItemScorer {
    /** Short name used in evaluation tables, e.g. {@code "als"}. */
    String name();

    /** Number of items this scorer covers ({@code out.length} must be at least this). */
    int itemCount();

    /** Writes a score for every item into {@code out[0..itemCount())}. */
    void score(UserVector user, float[] out);
}
