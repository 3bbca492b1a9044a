package dev.tunesmith.recommend;

/**
 * Audio features of a track on Spotify's scales (0–1, tempo in BPM). Any field may be null when
 * unknown; {@code estimated} is true when the values were inferred (e.g. from genre means) rather
 * than measured.
 */
public record AudioFeatures(Double valence, Double energy, Double danceability, Double acousticness, Double tempo,
        boolean estimated) {
    /** No features known. */
    public static final AudioFeatures UNKNOWN = new AudioFeatures(null, null, null, null, null, true);
}
