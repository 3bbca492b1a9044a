package dev.tunesmith.music.lyrics;

/**
 * Turns a word or short phrase into a vector whose cosine measures closeness in meaning. The music
 * core only states what it needs; the app side adapts a sentence-embedding model (MiniLM) to it.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface WordEmbedder {

    float[] embed(String text);

    /** Cosine of two vectors of the same length (0 when either is zero). */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
