package dev.tunesmith.recommend;

import java.time.Duration;
import java.util.Set;

/**
 * Hard constraints and re-ranking settings for one playlist. Every constraint is enforced by
 * construction: an item that violates one is never a candidate.
 *
 * @param count number of items wanted (≥ 1)
 * @param excludeArtists artists never returned (case-insensitive)
 * @param excludeTags tags never returned (case-insensitive; genre counts as a tag)
 * @param excludeTrackIds track ids never returned
 * @param maxPerArtist at most this many items per artist (≥ 1)
 * @param energy allowed energy range, or null for any (items without an energy value are excluded when set)
 * @param tempo allowed tempo range in BPM, or null for any (items without tempo are excluded when set)
 * @param skipRecentlyPlayed whether tracks played within {@code recentWindow} are excluded
 * @param recentWindow how recent counts as recently played
 * @param diversity MMR trade-off λ in [0, 1]: 0 = pure relevance, 1 = maximal diversity
 * @param durationSec allowed track length in seconds, or null for any (items of unknown length are excluded when
 *     set); a range reaching past the mood default's 12 minutes lets long tracks into mood playlists
 * @param years allowed release years, or null for any (items of unknown year are excluded when set)
 */
public record Constraints(int count, Set<String> excludeArtists, Set<String> excludeTags, Set<Long> excludeTrackIds,
        int maxPerArtist, Range energy, Range tempo, boolean skipRecentlyPlayed, Duration recentWindow,
        double diversity, Range durationSec, Range years) {

    /** Without a year limit. */
    public Constraints(int count, Set<String> excludeArtists, Set<String> excludeTags, Set<Long> excludeTrackIds,
            int maxPerArtist, Range energy, Range tempo, boolean skipRecentlyPlayed, Duration recentWindow, double diversity,
            Range durationSec) {
        this(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo, skipRecentlyPlayed, recentWindow,
                diversity, durationSec, null);
    }

    /** Without a length limit. */
    public Constraints(int count, Set<String> excludeArtists, Set<String> excludeTags, Set<Long> excludeTrackIds,
            int maxPerArtist, Range energy, Range tempo, boolean skipRecentlyPlayed, Duration recentWindow, double diversity) {
        this(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo, skipRecentlyPlayed, recentWindow,
                diversity, null, null);
    }

    /** Validates and copies. */
    public Constraints {
        if (count < 1 || maxPerArtist < 1) {
            throw new IllegalArgumentException("count and maxPerArtist must be ≥ 1");
        }
        if (diversity < 0 || diversity > 1) {
            throw new IllegalArgumentException("diversity must be in [0, 1]");
        }
        excludeArtists = lower(excludeArtists);
        excludeTags = lower(excludeTags);
        excludeTrackIds = excludeTrackIds == null ? Set.of() : Set.copyOf(excludeTrackIds);
        recentWindow = recentWindow == null ? Duration.ofHours(24) : recentWindow;
    }

    private static Set<String> lower(Set<String> s) {
        return s == null ? Set.of()
                : Set.copyOf(s.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT).trim()).toList());
    }

    /** 20 items, at most 2 per artist, diversity 0.3, no exclusions or ranges. */
    public static Constraints defaults() {
        return new Constraints(20, Set.of(), Set.of(), Set.of(), 2, null, null, false, Duration.ofHours(24), 0.3, null, null);
    }

    /** Copy with another count. */
    public Constraints withCount(int n) {
        return new Constraints(n, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo,
                skipRecentlyPlayed, recentWindow, diversity, durationSec, years);
    }

    /** Copy with more excluded track ids. */
    public Constraints withExcludedTracks(Set<Long> ids) {
        java.util.Set<Long> all = new java.util.HashSet<>(excludeTrackIds);
        all.addAll(ids);
        return new Constraints(count, excludeArtists, excludeTags, all, maxPerArtist, energy, tempo,
                skipRecentlyPlayed, recentWindow, diversity, durationSec, years);
    }

    /** Copy with exclusions of artists and tags. */
    public Constraints withExclusions(Set<String> artists, Set<String> tags) {
        return new Constraints(count, artists, tags, excludeTrackIds, maxPerArtist, energy, tempo, skipRecentlyPlayed,
                recentWindow, diversity, durationSec, years);
    }

    /** Copy with another per-artist cap. */
    public Constraints withMaxPerArtist(int n) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, n, energy, tempo,
                skipRecentlyPlayed, recentWindow, diversity, durationSec, years);
    }

    /** Copy with energy and tempo ranges (null: any). */
    public Constraints withRanges(Range energyRange, Range tempoRange) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energyRange,
                tempoRange, skipRecentlyPlayed, recentWindow, diversity, durationSec, years);
    }

    /** Copy with recently-played skipping. */
    public Constraints withSkipRecentlyPlayed(boolean skip, Duration window) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo, skip,
                window, diversity, durationSec, years);
    }

    /** Copy with another diversity λ. */
    public Constraints withDiversity(double lambda) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo,
                skipRecentlyPlayed, recentWindow, lambda, durationSec, years);
    }

    /** Copy with a track-length range in seconds (null: any). */
    public Constraints withDuration(Range seconds) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo,
                skipRecentlyPlayed, recentWindow, diversity, seconds, years);
    }

    /** Copy with a release-year range (null: any). */
    public Constraints withYears(Range r) {
        return new Constraints(count, excludeArtists, excludeTags, excludeTrackIds, maxPerArtist, energy, tempo,
                skipRecentlyPlayed, recentWindow, diversity, durationSec, r);
    }
}
