package dev.tunesmith.recommend.audio;

/**
 * What {@link AudioAnalyser} measured on one track. Scales: tempo in BPM; loudness in LUFS
 * (EBU R128 integrated); dynamic range as the EBU loudness range in LU; centroid and roll-off
 * (85 % of the power) in Hz; flatness as the Wiener entropy in [0,1]; onset rate per second;
 * energy, danceability, acousticness, brightness and valence on Spotify's 0–1 scales. A value is
 * NaN (tempo, loudness) or {@code key} null when the signal gave nothing to measure (silence or a
 * track shorter than a few seconds).
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

    /** Cosine similarity of two embeddings (both are unit length, so this is their dot product). */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
