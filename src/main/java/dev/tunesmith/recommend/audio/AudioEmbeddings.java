package dev.tunesmith.recommend.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the analyser's raw descriptors into comparable "sounds like" vectors for one set of tracks
 * (a library, a catalogue): every dimension is standardised over the set (z-score), each group of
 * {@link #GROUPS} is scaled by 1/√size so timbre, timbre spread, harmony and rhythm weigh the same,
 * and each vector is scaled to unit length, so the dot product of two is their cosine.
 */
public final class AudioEmbeddings {

    /** Sizes of the descriptor groups, in order: mel means, mel spreads, chroma, rhythm and level. */
    public static final int[] GROUPS = {40, 40, 12, 6};

    private AudioEmbeddings() {}

    public static List<float[]> standardise(List<float[]> raw) {
        List<float[]> out = new ArrayList<>(raw.size());
        if (raw.isEmpty()) {
            return out;
        }
        int dims = raw.get(0).length;
        int n = 0;
        double[] mean = new double[dims], var = new double[dims];
        for (float[] v : raw) {
            if (v.length == dims) {
                n++;
                for (int i = 0; i < dims; i++) {
                    mean[i] += v[i];
                }
            }
        }
        for (int i = 0; i < dims; i++) {
            mean[i] /= Math.max(1, n);
        }
        for (float[] v : raw) {
            if (v.length == dims) {
                for (int i = 0; i < dims; i++) {
                    var[i] += (v[i] - mean[i]) * (v[i] - mean[i]) / Math.max(1, n);
                }
            }
        }
        double[] scale = new double[dims];
        int at = 0;
        for (int g : GROUPS) {
            for (int i = at; i < Math.min(dims, at + g); i++) {
                scale[i] = 1 / Math.sqrt(g);
            }
            at += g;
        }
        for (int i = at; i < dims; i++) {
            scale[i] = 1 / Math.sqrt(Math.max(1, dims - at));
        }
        for (float[] v : raw) {
            float[] w = new float[dims];
            if (v.length == dims) {
                double norm = 0;
                for (int i = 0; i < dims; i++) {
                    double sd = Math.sqrt(var[i]);
                    w[i] = (float) (sd < 1e-6 ? 0 : (v[i] - mean[i]) / sd * scale[i]);
                    norm += w[i] * w[i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < dims && norm > 0; i++) {
                    w[i] /= (float) norm;
                }
            }
            out.add(w);
        }
        return out;
    }
}
