package dev.tunesmith.recommend.audio;

/**
 * What {@link AudioAnalyser} measured on one track. Scales: tempo in BPM; loudness in LUFS
 * (EBU R128 integrated); dynamic range as the EBU loudness range in LU; centroid and roll-off
 * (85 % of the power) in Hz; flatness as the Wiener entropy in [0,1]; onset rate per second;
 * energy, danceability, acousticness, brightness and valence on Spotify's 0–1 scales. A value is
 * NaN (tempo, loudness) or {@code key} null when the signal gave nothing to measure (silence or a
 * track shorter than a few seconds).
 *
 * <p>{@code embedding} holds the raw "sounds like" descriptors; compare tracks after
 * {@link AudioEmbeddings#standardise} over the set they belong to.
 *
 * <p>energy, danceability, acousticness and valence are fixed combinations of the measured
 * descriptors (documented on {@link AudioAnalyser}), not a trained model.
 */
public record AudioAnalysis(
        String analyserVersion,
        double seconds,
        double tempo,
        double tempoConfidence,
        MusicalKey key,
        double loudness,
        double dynamicRange,
        double energy,
        double danceability,
        double acousticness,
        double brightness,
        double valence,
        double spectralCentroid,
        double spectralFlatness,
        double spectralRolloff,
        double onsetRate,
        float[] embedding) {

    /** Cosine similarity of two vectors (0 when either is all zeros). */
    public static double similarity(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
