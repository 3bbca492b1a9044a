package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Serves an {@link AlsModel}: folds the user in with one exact solve of
 * (YᵀY + Yᵀ(Cᵤ − I)Y + λI) xᵤ = YᵀCᵤp(u), then scores s_i = xᵤ·yᵢ. A new event changes xᵤ
 * immediately; no retraining is needed.
 */
public record AlsScorer(AlsModel model) implements ItemScorer {
    @Override
    public String name() {
        return "als";
    }

    @Override
    public int itemCount() {
        return model.items();
    }

    /** The folded-in user factor xᵤ (length k). */
    public double[] foldIn(UserVector user) {
        int k = model.k();
        float[] y = model.itemFactors();
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        double[] ad = a.data;
        // A = YᵀY + λI
        System.arraycopy(model.gram(), 0, ad, 0, k * k);
        for (int f = 0; f < k; f++) {
            ad[f * k + f] += model.regularisation(user.size());
        }
        for (int e = 0; e < user.size(); e++) {
            int o = user.items()[e] * k;
            double c = model.confidence(user.values()[e]);
            // A += (c − 1) yᵢyᵢᵀ ; b += c·yᵢ
            for (int p = 0; p < k; p++) {
                double s = (c - 1) * y[o + p];
                for (int q = 0; q < k; q++) {
                    ad[p * k + q] += s * y[o + q];
                }
                b.data[p] += c * y[o + p];
            }
        }
        if (user.size() == 0) {
            return x.data;
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(k);
        if (!chol.setA(a)) {
            throw new IllegalStateException("normal equations not positive definite");
        }
        chol.solve(b, x);
        return x.data;
    }

    @Override
    public void score(UserVector user, float[] out) {
        double[] xd = foldIn(user);
        int k = model.k();
        float[] x = new float[k];
        for (int f = 0; f < k; f++) {
            x[f] = (float) xd[f];
        }
        float[] y = model.itemFactors();
        int n = model.items();
        for (int i = 0; i < n; i++) {
            out[i] = Vectors.dot(x, 0, y, i * k, k);
        }
    }
}
