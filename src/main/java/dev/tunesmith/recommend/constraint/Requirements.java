package dev.tunesmith.recommend.constraint;

import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * What a listener asked of a playlist, in their terms, before it is resolved against a catalogue.
 *
 * @param count tracks wanted (1–100)
 * @param excludeGenres genres to leave out, with their sub-genres and compound fields ("rock")
 * @param excludeArtists artists to leave out, as typed ("blazar")
 * @param energy allowed energy (0–1), or null
 * @param tempo allowed tempo in BPM, or null
 * @param durationSec allowed track length in seconds, or null
 * @param maxPerArtist at most this many tracks by one artist (≥ 1)
 * @param years allowed release years, or null
 */
public record Requirements(int count, List<String> excludeGenres, List<String> excludeArtists, Range energy, Range tempo,
        Range durationSec, int maxPerArtist, Range years) {

    /** Without a year limit. */
    public Requirements(int count, List<String> excludeGenres, List<String> excludeArtists, Range energy, Range tempo,
            Range durationSec, int maxPerArtist) {
        this(count, excludeGenres, excludeArtists, energy, tempo, durationSec, maxPerArtist, null);
    }

    /** Validates; lists become immutable, de-duplicated, lower case. */
    public Requirements {
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("a playlist can have 1 to 100 tracks");
        }
        if (maxPerArtist < 1) {
            throw new IllegalArgumentException("at most per artist must be ≥ 1");
        }
        excludeGenres = clean(excludeGenres);
        excludeArtists = clean(excludeArtists);
    }

    private static List<String> clean(List<String> in) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (in != null) {
            for (String s : in) {
                if (s != null && !s.isBlank()) {
                    out.add(GenreTree.norm(s));
                }
            }
        }
        return List.copyOf(out);
    }

    /** 20 tracks, at most 2 per artist, nothing else. */
    public static Requirements defaults() {
        return new Requirements(20, List.of(), List.of(), null, null, null, 2, null);
    }

    public Requirements withCount(int n) {
        return new Requirements(n, excludeGenres, excludeArtists, energy, tempo, durationSec, maxPerArtist, years);
    }

    public Requirements withEnergy(Range r) {
        return new Requirements(count, excludeGenres, excludeArtists, r, tempo, durationSec, maxPerArtist, years);
    }

    public Requirements withTempo(Range r) {
        return new Requirements(count, excludeGenres, excludeArtists, energy, r, durationSec, maxPerArtist, years);
    }

    public Requirements withDuration(Range r) {
        return new Requirements(count, excludeGenres, excludeArtists, energy, tempo, r, maxPerArtist, years);
    }

    public Requirements withYears(Range r) {
        return new Requirements(count, excludeGenres, excludeArtists, energy, tempo, durationSec, maxPerArtist, r);
    }

    public Requirements withMaxPerArtist(int n) {
        return new Requirements(count, excludeGenres, excludeArtists, energy, tempo, durationSec, n, years);
    }

    /** Copy that also leaves out {@code genre}. */
    public Requirements withoutGenre(String genre) {
        List<String> g = new ArrayList<>(excludeGenres);
        g.add(genre);
        return new Requirements(count, g, excludeArtists, energy, tempo, durationSec, maxPerArtist, years);
    }

    /** Copy without these exclusion terms (as genres or artists), e.g. the terms a catalogue does not know. */
    public Requirements withoutTerms(java.util.Collection<String> terms) {
        if (terms.isEmpty()) {
            return this;
        }
        Set<String> drop = new java.util.HashSet<>();
        terms.forEach(t -> drop.add(GenreTree.norm(t)));
        return new Requirements(count, excludeGenres.stream().filter(g -> !drop.contains(g)).toList(),
                excludeArtists.stream().filter(a -> !drop.contains(a)).toList(), energy, tempo, durationSec, maxPerArtist, years);
    }

    /** Copy that also leaves out {@code artist}. */
    public Requirements withoutArtist(String artist) {
        List<String> a = new ArrayList<>(excludeArtists);
        a.add(artist);
        return new Requirements(count, excludeGenres, a, energy, tempo, durationSec, maxPerArtist, years);
    }
}
