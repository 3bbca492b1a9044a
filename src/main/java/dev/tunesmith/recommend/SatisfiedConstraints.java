package dev.tunesmith.recommend;

import dev.tunesmith.recommend.mood.MoodTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every constraint the engine applied to a {@link Playlist}, with its value, and how many items met them all.
 * Built by the engine from the constraints and mood it enforced and the list it returned (its {@code ConstraintCheck}
 * then verifies the list against the same constraints).
 *
 * @param count items asked for
 * @param returned items returned (fewer than {@code count}: see {@link #shortfall()})
 * @param noDuplicates the same recording (title and artist) never appears twice; always applied
 * @param maxPerArtist at most this many items per artist
 * @param excludeArtists artists left out (lower case, sorted; empty: none)
 * @param excludeTags tags and genres left out (lower case, sorted; empty: none)
 * @param excludeTrackIds track ids left out (sorted; empty: none)
 * @param moodExcludedTags tags the mood text asked to avoid ("no jazz")
 * @param moodExcludedArtists artists the mood text asked to avoid
 * @param energy allowed energy range, or null when none was applied
 * @param tempo allowed tempo range in BPM, or null when none was applied
 * @param durationSec allowed track length in seconds, or null when none was applied
 * @param recentlyPlayedWindow tracks played within this window were left out, or null when recently played tracks were allowed
 * @param diversityLambda the MMR diversity trade-off λ used
 * @param order how the list is ordered ("energy arc", "by similarity", "kept from the original")
 */
public record SatisfiedConstraints(int count, int returned, boolean noDuplicates, int maxPerArtist, List<String> excludeArtists,
        List<String> excludeTags, List<Long> excludeTrackIds, List<String> moodExcludedTags, List<String> moodExcludedArtists,
        Range energy, Range tempo, Range durationSec, Duration recentlyPlayedWindow, double diversityLambda, String order) {

    /** Immutable copies. */
    public SatisfiedConstraints {
        excludeArtists = List.copyOf(excludeArtists);
        excludeTags = List.copyOf(excludeTags);
        excludeTrackIds = List.copyOf(excludeTrackIds);
        moodExcludedTags = List.copyOf(moodExcludedTags);
        moodExcludedArtists = List.copyOf(moodExcludedArtists);
    }

    /** What the engine applied for {@code c} and mood {@code m}, for a list of {@code returned} items ordered by {@code order}. */
    public static SatisfiedConstraints of(Constraints c, MoodTarget m, int returned, String order) {
        return new SatisfiedConstraints(c.count(), returned, true, c.maxPerArtist(), sorted(c.excludeArtists()), sorted(c.excludeTags()),
                sorted(c.excludeTrackIds()), m.unwantedTags(), m.unwantedArtists(), c.energy(), c.tempo(), null,
                c.skipRecentlyPlayed() ? c.recentWindow() : null, c.diversity(), order);
    }

    /** The same, stating that every item's length lies in {@code range} (seconds). */
    public SatisfiedConstraints withDuration(Range range) {
        return new SatisfiedConstraints(count, returned, noDuplicates, maxPerArtist, excludeArtists, excludeTags, excludeTrackIds, moodExcludedTags,
                moodExcludedArtists, energy, tempo, range, recentlyPlayedWindow, diversityLambda, order);
    }

    /** "only 6 of 20 items satisfy every constraint" when fewer items than asked met them all. */
    public Optional<String> shortfall() {
        return returned < count ? Optional.of("only " + returned + " of " + count + " items satisfy every constraint") : Optional.empty();
    }

    private static <T extends Comparable<T>> List<T> sorted(java.util.Set<T> s) {
        return List.copyOf(new java.util.TreeSet<>(s));
    }
}
