package dev.tunesmith.recommend;

import java.util.List;

/**
 * A recommendable item (a track in the product; an artist when evaluating on HetRec).
 *
 * @param trackId raw id from the database
 * @param title title
 * @param artist artist name
 * @param tags style/genre tags, free text
 * @param genre main genre, may be null
 * @param features audio features, may be null or partially null
 * @param durationSec duration in seconds, 0 when unknown
 * @param audioEmbedding the measured "sounds like" vector of a scanned track (unit length), null when not analysed
 * @param year release year, null when unknown
 */
public record CatalogItem(long trackId, String title, String artist, List<String> tags, String genre,
        AudioFeatures features, int durationSec, float[] audioEmbedding, Integer year) {

    /** An item without an audio embedding. */
    public CatalogItem(long trackId, String title, String artist, List<String> tags, String genre, AudioFeatures features, int durationSec) {
        this(trackId, title, artist, tags, genre, features, durationSec, null, null);
    }

    /** An item of unknown year. */
    public CatalogItem(long trackId, String title, String artist, List<String> tags, String genre, AudioFeatures features, int durationSec,
            float[] audioEmbedding) {
        this(trackId, title, artist, tags, genre, features, durationSec, audioEmbedding, null);
    }

    /** Normalises nulls: tags become an immutable list, features {@link AudioFeatures#UNKNOWN}. */
    public CatalogItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
        features = features == null ? AudioFeatures.UNKNOWN : features;
        artist = artist == null ? "" : artist;
        title = title == null ? "" : title;
    }

    /** Text embedded to represent the item: artist, genre and tags. */
    public String descriptor() {
        StringBuilder sb = new StringBuilder();
        if (genre != null && !genre.isBlank()) {
            sb.append(genre).append(". ");
        }
        sb.append(String.join(", ", tags));
        if (sb.isEmpty()) {
            sb.append(artist);
        }
        return sb.toString();
    }
}
