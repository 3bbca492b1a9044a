package dev.tunesmith.recommend.rerank;

import java.util.Arrays;

/**
 * Selects and orders the final items from a pool of allowed candidates: maximal marginal relevance
 * (Carbonell and Goldstein 1998) with a per-artist cap and duplicate removal, then an energy/tempo
 * arc for a pleasant order.
 */
public final class Reranker {
    private Reranker() {}

    /** What the re-ranker needs to know about items (dense indices). */
    public interface Items {
        /** Artist id of the item, in [0, artistCount()). */
        int artist(int i);

        /** Number of artist ids. */
        int artistCount();

        /** Number of duplicate keys. */
        int duplicateKeyCount();

        /** Id shared by duplicates (same artist and normalised title), in [0, duplicateKeyCount()). */
        int duplicateKey(int i);

        /** Similarity in [−1, 1] between two items. */
        float similarity(int a, int b);

        /** Energy (NaN unknown). */
        float energy(int i);

        /** Tempo in BPM (NaN unknown). */
        float tempo(int i);
    }

    /**
     * Greedy MMR: repeatedly takes argmax over the pool of (1 − λ)·rel(i) − λ·max_{j ∈ S} sim(i, j),
     * where rel is the score min-max scaled over the pool, skipping items whose artist already has
     * {@code maxPerArtist} items or whose duplicate key is taken. Returns at most {@code count}
     * indices in selection order.
     */
    public static int[] select(float[] score, int[] pool, int count, int maxPerArtist, double lambda, Items items) {
        int m = pool.length;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int p : pool) {
            lo = Math.min(lo, score[p]);
            hi = Math.max(hi, score[p]);
        }
        float span = hi > lo ? hi - lo : 1;
        float[] maxSim = new float[m];
        Arrays.fill(maxSim, -1f);
        boolean[] used = new boolean[m];
        int[] perArtist = new int[items.artistCount()];
        boolean[] keys = new boolean[items.duplicateKeyCount()];
        int[] out = new int[Math.min(count, m)];
        int n = 0;
        while (n < out.length) {
            int best = -1;
            double bestVal = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < m; q++) {
                if (used[q]) {
                    continue;
                }
                int i = pool[q];
                if (perArtist[items.artist(i)] >= maxPerArtist || keys[items.duplicateKey(i)]) {
                    used[q] = true;
                    continue;
                }
                double rel = (score[i] - lo) / span;
                double v = (1 - lambda) * rel - (n == 0 ? 0 : lambda * Math.max(0, maxSim[q]));
                if (v > bestVal) {
                    bestVal = v;
                    best = q;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            int chosen = pool[best];
            out[n++] = chosen;
            perArtist[items.artist(chosen)]++;
            keys[items.duplicateKey(chosen)] = true;
            if (lambda > 0) {
                for (int q = 0; q < m; q++) {
                    if (!used[q]) {
                        maxSim[q] = Math.max(maxSim[q], items.similarity(pool[q], chosen));
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Orders items as an arc: sorted by energy (then tempo), alternate ranks go to the rising and
     * the falling half, so the playlist warms up, peaks and cools down with small steps. Items of
     * unknown energy keep their relative order at the start.
     */
    public static int[] flowOrder(int[] chosen, Items items) {
        Integer[] idx = Arrays.stream(chosen).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (a, b) -> {
            float ea = key(items.energy(a), items.tempo(a));
            float eb = key(items.energy(b), items.tempo(b));
            return Float.compare(ea, eb);
        });
        int[] out = new int[chosen.length];
        int front = 0;
        int back = chosen.length - 1;
        for (int r = 0; r < idx.length; r++) {
            if (r % 2 == 0) {
                out[front++] = idx[r];
            } else {
                out[back--] = idx[r];
            }
        }
        return out;
    }

    private static float key(float energy, float tempo) {
        float e = Float.isNaN(energy) ? -1 : energy;
        float t = Float.isNaN(tempo) ? 0 : tempo / 1000f;
        return e + t * 0.1f;
    }
}
