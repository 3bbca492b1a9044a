package dev.tunesmith.catalog;

import java.util.List;

/** A track as importers produce it, before it has a database id. Nullable fields are unknown. */
public record TrackRecord(
        String source,
        String externalId,
        String title,
        String artist,
        String album,
        String genre,
        List<String> tags,
        Integer durationSec,
        Features features,
        Integer activity,
        Double rating,
        Integer year,
        String label,
        String url,
        String licence) {

    /** Audio features in the Spotify sense, each in [0,1] except tempo (BPM). */
    public record Features(Double valence, Double energy, Double danceability, Double acousticness,
            Double instrumentalness, Double tempo, boolean estimated, Double loudness, Double mode, Double speechiness) {

        public static final Features NONE = new Features(null, null, null, null, null, null, false);

        /** Without loudness (dB), mode (1 major, 0 minor) and speechiness. */
        public Features(Double valence, Double energy, Double danceability, Double acousticness, Double instrumentalness,
                Double tempo, boolean estimated) {
            this(valence, energy, danceability, acousticness, instrumentalness, tempo, estimated, null, null, null);
        }

        public boolean isEmpty() {
            return valence == null && energy == null && danceability == null && acousticness == null
                    && instrumentalness == null && tempo == null && loudness == null && mode == null && speechiness == null;
        }
    }
}
