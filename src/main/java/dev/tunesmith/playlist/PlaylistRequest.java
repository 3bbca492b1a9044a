package dev.tunesmith.playlist;

import java.util.List;

/** Constraints a listener can put on a playlist; nulls mean "no preference". */
public record PlaylistRequest(String mood, Integer count, List<String> excludeArtists, List<String> excludeTags,
        Double minEnergy, Double maxEnergy, Double minTempo, Double maxTempo, Integer maxPerArtist) {

    /** A request for {@code mood} alone. */
    public static PlaylistRequest forMood(String mood, Integer count) {
        return new PlaylistRequest(mood, count, null, null, null, null, null, null, null);
    }
}
