package dev.tunesmith.recommend;

import java.time.Duration;

/**
 * How events turn into item weights. A play adds {@code play × fraction played} (fraction =
 * playedSec / durationSec clipped to [0, 1], 1 when unknown); a skip adds {@code skip} (negative);
 * like/favourite add strong positive weight and unlike/unfavourite remove it; shares and comments
 * add a moderate amount. Every contribution decays by ½ per {@code halfLife}. Friends' positive
 * item weights enter as a separate prior scaled by {@code friendPrior}.
 *
 * @param play weight of a fully played track (default 1)
 * @param skip weight of a skip (default −0.75)
 * @param like weight of a like (default 3); unlike is its negation
 * @param favorite weight of a favourite (default 5); unfavorite is its negation
 * @param share weight of a share (default 2)
 * @param comment weight of a comment (default 1)
 * @param friendPrior scale of friends' tastes (default 0.1)
 * @param halfLife recency half-life (default 30 days)
 */
public record EventWeights(double play, double skip, double like, double favorite, double share, double comment,
        double friendPrior, Duration halfLife) {
    /** The documented defaults. */
    public static final EventWeights DEFAULTS =
            new EventWeights(1.0, -0.75, 3.0, 5.0, 2.0, 1.0, 0.1, Duration.ofDays(30));

    /** Undecayed weight of one event for a track of {@code durationSec} seconds. */
    public double weight(UserEvent e, int durationSec) {
        EventType type = EventType.parse(e.type()).orElse(null);
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case PLAY -> {
                double f = e.playedSec() == null || durationSec <= 0 ? 1.0
                        : Math.max(0, Math.min(1, e.playedSec() / durationSec));
                yield play * f;
            }
            case SKIP -> skip;
            case LIKE -> like;
            case UNLIKE -> -like;
            case FAVORITE -> favorite;
            case UNFAVORITE -> -favorite;
            case SHARE -> share;
            case COMMENT -> comment;
        };
    }

    /** Decay factor ½^(age / halfLife) for an event {@code age} old (negative ages count as 0). */
    public double decay(Duration age) {
        double a = Math.max(0, age.toMillis());
        return Math.pow(0.5, a / halfLife.toMillis());
    }
}
