package dev.tunesmith.recommend;

/**
 * Blend weights of the engine's scores (each component is standardised per query first).
 *
 * @param collaborative weight of the ALS score (user folded in from their profile)
 * @param content weight of the embedding similarity between the profile centroid and the item
 * @param mood weight of the mood fit (ranges, wanted tags/artists, request embedding)
 * @param popularity weight of popularity for users with a profile
 * @param popularityNewUser weight of popularity for users without events
 * @param friends weight of the friends' prior
 * @param negative penalty per unit of negative profile weight (skips, unlikes)
 * @param poolFactor candidates kept for re-ranking = max(poolFactor × count, 200)
 */
public record EngineConfig(double collaborative, double content, double mood, double popularity,
        double popularityNewUser, double friends, double negative, int poolFactor) {
    /** Defaults. */
    public static final EngineConfig DEFAULTS = new EngineConfig(1.0, 0.6, 1.2, 0.2, 0.6, 0.4, 2.0, 5);
}
