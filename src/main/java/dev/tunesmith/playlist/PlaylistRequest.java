package dev.tunesmith.playlist;

import java.util.List;

/**
 * Constraints a listener can put on a playlist; nulls mean "no preference".
 *
 * @param mood the mood, activity or situation in the listener's words
 * @param count tracks wanted (1–100; default 20)
 * @param excludeArtists artists to leave out (matched loosely: case, punctuation, diacritics)
 * @param excludeTags genres or tags to leave out, with their sub-genres ("rock" also removes "indie rock")
 * @param minEnergy lowest energy 0–1
 * @param maxEnergy highest energy 0–1
 * @param minTempo lowest tempo in BPM
 * @param maxTempo highest tempo in BPM
 * @param maxPerArtist at most this many tracks by one artist (default 2)
 * @param minDurationSec shortest track length in seconds
 * @param maxDurationSec longest track length in seconds
 * @param title a short title, or null to derive one from the mood
 * @param minYear earliest release year
 * @param maxYear latest release year
 * @param totalMinutes the playlist's whole length ("45 minutes of running music", "an hour of jazz"): as many tracks as
 *     come closest to it, instead of {@code count}
 */
public record PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
        Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist,
        Integer minDurationSec, Integer maxDurationSec, String title, Integer minYear, Integer maxYear, Integer totalMinutes) {

    /** Without a whole length. */
    public PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
            Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist,
            Integer minDurationSec, Integer maxDurationSec, String title, Integer minYear, Integer maxYear) {
        this(mood, count, excludeArtists, excludeTags, minEnergy, maxEnergy, minTempo, maxTempo, maxPerArtist, minDurationSec,
                maxDurationSec, title, minYear, maxYear, null);
    }

    /** Without year limits. */
    public PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
            Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist,
            Integer minDurationSec, Integer maxDurationSec, String title) {
        this(mood, count, excludeArtists, excludeTags, minEnergy, maxEnergy, minTempo, maxTempo, maxPerArtist, minDurationSec,
                maxDurationSec, title, null, null);
    }

    /** The original nine-field request (no length limits, derived title). */
    public PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
            Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist) {
        this(mood, count, excludeArtists, excludeTags, minEnergy, maxEnergy, minTempo, maxTempo, maxPerArtist, null, null, null);
    }

    /** A request for {@code mood} alone. */
    public static PlaylistRequest forMood(String mood, Integer count) {
        return new PlaylistRequest(mood, count, null, null, null, null, null, null, null);
    }
}
