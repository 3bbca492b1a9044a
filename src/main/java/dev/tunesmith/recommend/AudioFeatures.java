package dev.tunesmith.recommend;

/**
 * Audio features of a track on Spotify's scales (0–1; tempo in BPM; loudness in dB, typically −60
 * to 0; mode 1 = major, 0 = minor). Any field may be null when unknown; {@code estimated} is true
 * when the values were inferred (e.g. from genre means) rather than measured.
 */
public record AudioFeatures(Double valence, Double energy, Double danceability, Double acousticness, Double tempo,
        boolean estimated, Double instrumentalness, Double loudness, Double mode, Double speechiness) {
    /** No features known. */
    public static final AudioFeatures UNKNOWN = new AudioFeatures(null, null, null, null, null, true);

    /** Valence, energy, danceability, acousticness and tempo only (the other features unknown). */
    public AudioFeatures(Double valence, Double energy, Double danceability, Double acousticness, Double tempo,
            boolean estimated) {
        this(valence, energy, danceability, acousticness, tempo, estimated, null, null, null, null);
    }
}
