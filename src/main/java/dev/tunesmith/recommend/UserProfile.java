package dev.tunesmith.recommend;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable taste profile of one user at {@code asOf}, built by {@link ProfileBuilder}.
 *
 * @param asOf time the decayed weights refer to
 * @param itemWeights track id → decayed weight (negative after skips/unlikes)
 * @param friendWeights track id → friends' prior weight (already scaled down)
 * @param friendLikes track id → number of friends with a positive weight on it
 * @param artistPlays artist → number of play events (undecayed, for explanations)
 * @param lastPlayed track id → last play
 * @param eventCounts event type → count
 * @param topTags the strongest tags, best first
 * @param topArtists the strongest artists, best first
 * @param moodValence weighted mean valence of liked/played tracks, null when unknown
 * @param moodEnergy weighted mean energy of liked/played tracks, null when unknown
 * @param listener the user's id, 0 when the profile belongs to nobody in particular (spreads cold
 *     listeners' playlists over a mood's tracks, see {@code RecommendationEngine})
 */
public record UserProfile(
        Instant asOf,
        Map<Long, Double> itemWeights,
        Map<Long, Double> friendWeights,
        Map<Long, Integer> friendLikes,
        Map<String, Integer> artistPlays,
        Map<Long, Instant> lastPlayed,
        Map<String, Integer> eventCounts,
        List<TagWeight> topTags,
        List<ArtistWeight> topArtists,
        Double moodValence,
        Double moodEnergy,
        long listener) {

    /** A tag and its summed positive weight. */
    public record TagWeight(String tag, double weight) {}

    /** An artist with the number of plays and summed positive weight. */
    public record ArtistWeight(String artist, int plays, double weight) {}

    /** Defensive copies: every collection is immutable. */
    public UserProfile {
        itemWeights = Map.copyOf(itemWeights);
        friendWeights = Map.copyOf(friendWeights);
        friendLikes = Map.copyOf(friendLikes);
        artistPlays = Map.copyOf(artistPlays);
        lastPlayed = Map.copyOf(lastPlayed);
        eventCounts = Map.copyOf(eventCounts);
        topTags = List.copyOf(topTags);
        topArtists = List.copyOf(topArtists);
    }

    /** The profile of a user with no events. */
    public static UserProfile empty(Instant at) {
        return new UserProfile(at, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(),
                null, null, 0);
    }

    /** The same profile, as the profile of user {@code id}. */
    public UserProfile withListener(long id) {
        return new UserProfile(asOf, itemWeights, friendWeights, friendLikes, artistPlays, lastPlayed, eventCounts, topTags,
                topArtists, moodValence, moodEnergy, id);
    }

    /** True when the user has no events of their own. */
    public boolean isNew() {
        return itemWeights.isEmpty();
    }

    /** A JSON-friendly summary (for {@code GET /api/me}): top tags, top artists, mood centre, counts. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", asOf.toString());
        m.put("topTags", topTags.stream().map(t -> Map.of("tag", t.tag(), "weight", round(t.weight()))).toList());
        m.put("topArtists", topArtists.stream()
                .map(a -> Map.of("artist", a.artist(), "plays", a.plays(), "weight", round(a.weight()))).toList());
        Map<String, Object> mood = new LinkedHashMap<>();
        mood.put("valence", moodValence == null ? null : round(moodValence));
        mood.put("energy", moodEnergy == null ? null : round(moodEnergy));
        m.put("mood", mood);
        m.put("eventCounts", eventCounts);
        m.put("tracks", itemWeights.size());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
