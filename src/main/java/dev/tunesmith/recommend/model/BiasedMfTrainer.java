package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import java.util.Random;

/**
 * SGD for r̂_ui = μ + b_u + b_i + p_u·q_i with squared loss and L2 regularisation; each observed
 * pair has target 1 and is followed by {@code negativeRatio} uniformly sampled items with target 0.
 */
public final class BiasedMfTrainer implements ScorerTrainer {
    private final int k;
    private final int epochs;
    private final float learningRate;
    private final float reg;
    private final int negativeRatio;
    private final long seed;

    /**
     * @param k factors
     * @param epochs passes over the observed pairs
     * @param learningRate SGD step
     * @param reg L2 regularisation
     * @param negativeRatio sampled negatives per positive
     * @param seed random seed
     */
    public BiasedMfTrainer(int k, int epochs, float learningRate, float reg, int negativeRatio, long seed) {
        this.k = k;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.reg = reg;
        this.negativeRatio = negativeRatio;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "biasedmf";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new BiasedMfScorer(fit(data));
    }

    /** Trains the model. */
    public BiasedMfModel fit(Interactions data) {
        int nu = data.users();
        int ni = data.items();
        Random rnd = new Random(seed);
        float[] p = new float[nu * k];
        float[] q = new float[ni * k];
        for (int j = 0; j < p.length; j++) {
            p[j] = (float) (rnd.nextGaussian() * 0.1);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = (float) (rnd.nextGaussian() * 0.1);
        }
        float[] bu = new float[nu];
        float[] bi = new float[ni];
        float mu = 1f / (1 + negativeRatio);
        int nnz = data.nnz();
        int[] userOf = new int[nnz];
        for (int u = 0; u < nu; u++) {
            for (int e = data.rowStart(u); e < data.rowStart(u + 1); e++) {
                userOf[e] = u;
            }
        }
        int[] order = new int[nnz];
        for (int j = 0; j < nnz; j++) {
            order[j] = j;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int j = nnz - 1; j > 0; j--) {
                int r = rnd.nextInt(j + 1);
                int t = order[j];
                order[j] = order[r];
                order[r] = t;
            }
            float lr = learningRate / (1 + 0.1f * epoch);
            for (int e : order) {
                int u = userOf[e];
                step(u, data.colAt(e), 1f, mu, p, q, bu, bi, lr);
                for (int s = 0; s < negativeRatio; s++) {
                    step(u, rnd.nextInt(ni), 0f, mu, p, q, bu, bi, lr);
                }
            }
        }
        return new BiasedMfModel(k, mu, bi, q, bu, p, reg, negativeRatio);
    }

    private void step(int u, int i, float r, float mu, float[] p, float[] q, float[] bu, float[] bi, float lr) {
        int po = u * k;
        int qo = i * k;
        // e = r − (μ + b_u + b_i + p_u·q_i)
        float err = r - (mu + bu[u] + bi[i] + Vectors.dot(p, po, q, qo, k));
        bu[u] += lr * (err - reg * bu[u]);
        bi[i] += lr * (err - reg * bi[i]);
        for (int f = 0; f < k; f++) {
            float pf = p[po + f];
            float qf = q[qo + f];
            p[po + f] += lr * (err * qf - reg * pf);
            q[qo + f] += lr * (err * pf - reg * qf);
        }
    }
}
