package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * RP3β (Paudel, Christoffel, Newell, Bernstein 2017): three-step random walk item → user → item
 * on the binary interaction graph, W_ij = Σ_u (1/deg(i))^a (1/deg(u))^a, re-weighted by
 * 1/deg(j)^β to damp popular targets; the top k per item are kept and served by
 * {@link ItemKnnScorer} (s_j = Σ_{i ∈ u} W_ij).
 */
public final class Rp3BetaTrainer implements ScorerTrainer {
    private final int k;
    private final double alpha;
    private final double beta;

    /**
     * @param k neighbours kept per item
     * @param alpha exponent a on the transition probabilities
     * @param beta popularity penalty β
     */
    public Rp3BetaTrainer(int k, double alpha, double beta) {
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
    }

    @Override
    public String name() {
        return "rp3beta";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new ItemKnnScorer(fit(data), name());
    }

    /** Trains the model. */
    public ItemKnnModel fit(Interactions data) {
        int n = data.items();
        float[] userW = new float[data.users()];
        for (int u = 0; u < userW.length; u++) {
            int deg = data.rowStart(u + 1) - data.rowStart(u);
            userW[u] = deg == 0 ? 0 : (float) Math.pow(1.0 / deg, alpha);
        }
        float[] popPenalty = new float[n];
        for (int j = 0; j < n; j++) {
            popPenalty[j] = data.itemCount(j) == 0 ? 0 : (float) Math.pow(data.itemCount(j), -beta);
        }
        int[] nb = new int[n * k];
        float[] sims = new float[n * k];
        Arrays.fill(nb, -1);
        int chunks = 64;
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            float[] acc = new float[n];
            int[] touched = new int[n];
            for (int i = ch; i < n; i += chunks) {
                int deg = data.itemCount(i);
                if (deg == 0) {
                    continue;
                }
                float wi = (float) Math.pow(1.0 / deg, alpha);
                int t = 0;
                for (int e = data.colStart(i); e < data.colStart(i + 1); e++) {
                    int u = data.rowAt(e);
                    // W_ij += P(i→u)·P(u→j)
                    float w = wi * userW[u];
                    for (int f = data.rowStart(u); f < data.rowStart(u + 1); f++) {
                        int j = data.colAt(f);
                        if (j != i) {
                            if (acc[j] == 0) {
                                touched[t++] = j;
                            }
                            acc[j] += w;
                        }
                    }
                }
                for (int q = 0; q < t; q++) {
                    acc[touched[q]] *= popPenalty[touched[q]];
                }
                Vectors.keepTopK(acc, n, k, i, nb, sims, touched, t);
            }
        });
        return new ItemKnnModel(k, nb, sims);
    }
}
