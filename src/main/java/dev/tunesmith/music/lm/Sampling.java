package dev.tunesmith.music.lm;

import java.util.Arrays;
import java.util.Random;

/** Masked sampling from logits with temperature and nucleus (top-p) truncation. */
public final class Sampling {

    private Sampling() {}

    /**
     * Samples an index whose mask is true: softmax of {@code logits / temperature} over the allowed
     * indices, truncated to the smallest set whose mass reaches {@code topP}. Temperature ≤ 0 means
     * greedy.
     *
     * @throws IllegalStateException when the mask allows nothing
     */
    public static int sample(float[] logits, boolean[] mask, double temperature, double topP, Random rng) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (mask[i] && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("grammar allows no token");
        }
        if (temperature <= 0) {
            return best;
        }
        double max = logits[best];
        int n = 0;
        double[] p = new double[logits.length];
        Integer[] idx = new Integer[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            if (mask[i]) {
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
                idx[n++] = i;
            }
        }
        Integer[] order = Arrays.copyOf(idx, n);
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double cut = topP * sum;
        double acc = 0;
        int keep = 0;
        while (keep < n) {
            acc += p[order[keep]];
            keep++;
            if (acc >= cut) {
                break;
            }
        }
        double u = rng.nextDouble() * acc;
        double run = 0;
        for (int k = 0; k < keep; k++) {
            run += p[order[k]];
            if (u < run) {
                return order[k];
            }
        }
        return order[keep - 1];
    }
}
