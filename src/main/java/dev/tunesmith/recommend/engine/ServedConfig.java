package dev.tunesmith.recommend.engine;

/**
 * Hyper-parameters of the served recommender: the components it blends and their settings. The
 * blend weights are not configured: {@link ServedTrainer} learns them on an inner validation split
 * of whatever it is trained on (the training folds in {@code ./tunesmith eval}, all events in the
 * product). Loaded from the {@code recommender} section of the config ({@code config/README.md}).
 *
 * @param easeLambda EASE L2 regularisation λ
 * @param easeMinSupport minimum users per item for EASE
 * @param easeMaxItems at most this many (most supported) items enter EASE's dense inverse
 * @param alsFactors ALS factors
 * @param alsLambda ALS λ (scaled by each row's count)
 * @param alsAlpha ALS confidence α (c = 1 + α·log(1 + r))
 * @param alsIterations ALS sweeps
 * @param alsCgSteps conjugate-gradient steps per ALS solve (0: exact Cholesky)
 * @param rp3K RP3β neighbours per item
 * @param rp3Alpha RP3β α
 * @param rp3Beta RP3β β (popularity penalty)
 * @param itemKnnK item-KNN neighbours per item
 * @param itemKnnShrink item-KNN shrinkage
 * @param content blend the items' tag content (TF-IDF cosine to the user's items)
 * @param friends blend what the user's friends play
 * @param popularity blend popularity
 * @param seed seed of the models and of the inner validation split
 * @param easeWeighted EASE over log(1 + r) of the play counts instead of binary interactions (λ then
 *     needs to be about 20 times larger)
 * @param easeTagWeight EASE also learns from one row per tag; one assignment counts this many average
 *     listener entries ({@link dev.tunesmith.recommend.data.TagRows}; 0: listeners only; needs
 *     {@code easeWeighted} and content)
 * @param alsTagWeight the same for ALS (0: listeners only)
 */
public record ServedConfig(double easeLambda, int easeMinSupport, int easeMaxItems, int alsFactors, double alsLambda,
        double alsAlpha, int alsIterations, int alsCgSteps, int rp3K, double rp3Alpha, double rp3Beta, int itemKnnK,
        double itemKnnShrink, boolean content, boolean friends, boolean popularity, long seed, boolean easeWeighted,
        double easeTagWeight, double alsTagWeight) {

    /** The defaults documented in {@code config/README.md}. */
    public static final ServedConfig DEFAULTS = new ServedConfig(3000, 3, 6000, 64, 1.25, 2.0, 15, 3, 100, 1.0, 0.25,
            100, 10, true, true, true, 20110101L, true, 1.0, 0);

    /** Components trained on the listeners' rows only (no tag rows). */
    public ServedConfig(double easeLambda, int easeMinSupport, int easeMaxItems, int alsFactors, double alsLambda,
            double alsAlpha, int alsIterations, int alsCgSteps, int rp3K, double rp3Alpha, double rp3Beta, int itemKnnK,
            double itemKnnShrink, boolean content, boolean friends, boolean popularity, long seed, boolean easeWeighted) {
        this(easeLambda, easeMinSupport, easeMaxItems, alsFactors, alsLambda, alsAlpha, alsIterations, alsCgSteps, rp3K,
                rp3Alpha, rp3Beta, itemKnnK, itemKnnShrink, content, friends, popularity, seed, easeWeighted, 0, 0);
    }

    /** Binary EASE (the settings before {@code easeWeighted} existed). */
    public ServedConfig(double easeLambda, int easeMinSupport, int easeMaxItems, int alsFactors, double alsLambda,
            double alsAlpha, int alsIterations, int alsCgSteps, int rp3K, double rp3Alpha, double rp3Beta, int itemKnnK,
            double itemKnnShrink, boolean content, boolean friends, boolean popularity, long seed) {
        this(easeLambda, easeMinSupport, easeMaxItems, alsFactors, alsLambda, alsAlpha, alsIterations, alsCgSteps, rp3K,
                rp3Alpha, rp3Beta, itemKnnK, itemKnnShrink, content, friends, popularity, seed, false);
    }

    /** Validates ranges (a bad value is a programming or config error). */
    public ServedConfig {
        if (easeLambda <= 0 || easeMinSupport < 1 || easeMaxItems < 1 || alsFactors < 1 || alsLambda < 0
                || alsAlpha < 0 || alsIterations < 1 || alsCgSteps < 0 || rp3K < 1 || itemKnnK < 1 || itemKnnShrink < 0
                || !(easeTagWeight >= 0 && easeTagWeight <= 10) || !(alsTagWeight >= 0 && alsTagWeight <= 10)) {
            throw new IllegalArgumentException("invalid served recommender settings: " + Double.toString(easeLambda));
        }
    }
}
