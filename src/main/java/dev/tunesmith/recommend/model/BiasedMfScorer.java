package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Serves a {@link BiasedMfModel}. Training users use their learned p_u; a new user is folded in by
 * ridge regression against their items (target 1) and all items weighted ν = ratio·nᵤ/items
 * (target 0), mirroring the sampled negatives: (Σᵢ qᵢqᵢᵀ + νQᵀQ + λI) p = Σᵢ(1 − μ − bᵢ)qᵢ − νΣⱼ(μ + bⱼ)qⱼ.
 * b_u is constant per user and does not change the ranking, so it is left out.
 */
public final class BiasedMfScorer implements ItemScorer {
    private final BiasedMfModel model;
    private final double[] qtq;
    private final double[] qtBias;

    /** Wraps the model and precomputes QᵀQ and Σⱼ(μ + bⱼ)qⱼ for fold-in. */
    public BiasedMfScorer(BiasedMfModel model) {
        this.model = model;
        int k = model.k();
        qtq = new double[k * k];
        qtBias = new double[k];
        float[] q = model.itemFactors();
        for (int i = 0; i < model.items(); i++) {
            int o = i * k;
            double c = model.mu() + model.itemBias()[i];
            for (int a = 0; a < k; a++) {
                qtBias[a] += c * q[o + a];
                for (int b = 0; b < k; b++) {
                    qtq[a * k + b] += (double) q[o + a] * q[o + b];
                }
            }
        }
    }

    @Override
    public String name() {
        return "biasedmf";
    }

    @Override
    public int itemCount() {
        return model.items();
    }

    /** The user factor: learned for training users, folded in otherwise. */
    public float[] userFactor(UserVector user) {
        int k = model.k();
        float[] pu = new float[k];
        if (user.self() >= 0 && user.self() * k < model.userFactors().length) {
            System.arraycopy(model.userFactors(), user.self() * k, pu, 0, k);
            return pu;
        }
        if (user.size() == 0) {
            return pu;
        }
        double nu = (double) model.negativeRatio() * user.size() / model.items();
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        float[] q = model.itemFactors();
        for (int j = 0; j < k * k; j++) {
            a.data[j] = nu * qtq[j];
        }
        for (int f = 0; f < k; f++) {
            a.data[f * k + f] += model.lambda() + 1e-6;
            b.data[f] = -nu * qtBias[f];
        }
        for (int i : user.items()) {
            int o = i * k;
            double t = 1 - model.mu() - model.itemBias()[i];
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < k; r++) {
                    a.data[p * k + r] += (double) q[o + p] * q[o + r];
                }
                b.data[p] += t * q[o + p];
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(k);
        if (!chol.setA(a)) {
            return pu;
        }
        chol.solve(b, x);
        for (int f = 0; f < k; f++) {
            pu[f] = (float) x.data[f];
        }
        return pu;
    }

    @Override
    public void score(UserVector user, float[] out) {
        int k = model.k();
        float[] pu = userFactor(user);
        float[] q = model.itemFactors();
        for (int i = 0; i < model.items(); i++) {
            out[i] = model.itemBias()[i] + Vectors.dot(pu, 0, q, i * k, k);
        }
    }
}
