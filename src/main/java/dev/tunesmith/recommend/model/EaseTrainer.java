package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Trains EASE on binarised (or, when {@code weighted}, log(1 + r)-weighted) interactions: G = XᵀX + λI, P = G⁻¹, B = I − P·diag(1/diag(P))
 * (so B_ij = −P_ij / P_jj and B_jj = 0). Only items with at least {@code minSupport} users are
 * kept, which bounds the dense inverse.
 */
public final class EaseTrainer implements ScorerTrainer {
    private final double lambda;
    private final int minSupport;
    private final boolean weighted;

    /**
     * Binary interactions.
     *
     * @param lambda L2 regularisation λ on the diagonal of the Gram matrix
     * @param minSupport minimum users per item for the item to enter B
     */
    public EaseTrainer(double lambda, int minSupport) {
        this(lambda, minSupport, false);
    }

    /**
     * @param lambda L2 regularisation λ on the diagonal of the Gram matrix
     * @param minSupport minimum users per item for the item to enter B
     * @param weighted X holds log(1 + r) instead of 1 (a log-weighted EASE)
     */
    public EaseTrainer(double lambda, int minSupport, boolean weighted) {
        this.lambda = lambda;
        this.minSupport = minSupport;
        this.weighted = weighted;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new EaseScorer(fit(data));
    }

    /** Trains the model. */
    public EaseModel fit(Interactions data) {
        int[] local = new int[data.items()];
        Arrays.fill(local, -1);
        int n = 0;
        for (int i = 0; i < data.items(); i++) {
            if (data.itemCount(i) >= minSupport) {
                local[i] = n++;
            }
        }
        int[] kept = new int[n];
        for (int i = 0; i < data.items(); i++) {
            if (local[i] >= 0) {
                kept[local[i]] = i;
            }
        }
        if (n == 0) {
            // no item has enough listeners yet (a new community): an empty model that scores every item 0
            return new EaseModel(local, kept, new float[0]);
        }
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        int[] row = new int[data.items()];
        double[] xs = new double[data.items()];
        for (int u = 0; u < data.users(); u++) {
            int m = 0;
            for (int e = data.rowStart(u); e < data.rowStart(u + 1); e++) {
                int l = local[data.colAt(e)];
                if (l >= 0) {
                    xs[m] = weighted ? Math.log1p(data.valueAt(e)) : 1;
                    row[m++] = l;
                }
            }
            // G += xᵤxᵤᵀ
            for (int a = 0; a < m; a++) {
                int off = row[a] * n;
                for (int b = 0; b < m; b++) {
                    g.data[off + row[b]] += xs[a] * xs[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            g.data[a * n + a] += lambda;
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        // P = (XᵀX + λI)⁻¹
        if (!CommonOps_DDRM.invertSPD(g, p)) {
            throw new IllegalStateException("EASE Gram matrix not positive definite");
        }
        float[] w = new float[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                // B_ab = −P_ab / P_bb
                w[a * n + b] = a == b ? 0f : (float) (-p.data[a * n + b] / p.data[b * n + b]);
            }
        }
        return new EaseModel(local, kept, w, weighted);
    }
}
