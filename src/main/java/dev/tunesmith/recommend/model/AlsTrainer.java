package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Trains implicit ALS (Hu–Koren–Volinsky): preference p = 1 for observed pairs, confidence
 * c = 1 + α·log(1 + r), alternating exact least-squares solves with the Cholesky (SPD) solver.
 * Per user the normal equations are
 *
 * <pre>(YᵀY + Yᵀ(Cᵤ − I)Y + λI) xᵤ = YᵀCᵤp(u)</pre>
 *
 * where only the observed items contribute to the middle term, so a solve costs
 * O(nᵤ·k² + k³) instead of O(items·k²). Items are symmetric. With {@code cgSteps > 0} each solve is
 * instead a few conjugate-gradient steps warm-started from the previous factor (Takács, Pilászy,
 * Tikk 2011), costing O(steps·(k² + nᵤ·k)) and never forming the matrix.
 */
public final class AlsTrainer implements ScorerTrainer {
    private final int k;
    private final double lambda;
    private final double alpha;
    private final int iterations;
    private final long seed;
    private final int cgSteps;
    private final boolean weightedLambda;

    /**
     * Exact Cholesky solves.
     *
     * @param k factors
     * @param lambda L2 regularisation λ
     * @param alpha confidence scale α
     * @param iterations full (X then Y) sweeps
     * @param seed seed for the initial factors
     */
    public AlsTrainer(int k, double lambda, double alpha, int iterations, long seed) {
        this(k, lambda, alpha, iterations, seed, 0);
    }

    /**
     * @param k factors
     * @param lambda L2 regularisation λ
     * @param alpha confidence scale α
     * @param iterations full (X then Y) sweeps
     * @param seed seed for the initial factors
     * @param cgSteps conjugate-gradient steps per solve, or 0 for exact Cholesky solves
     */
    public AlsTrainer(int k, double lambda, double alpha, int iterations, long seed, int cgSteps) {
        this(k, lambda, alpha, iterations, seed, cgSteps, false);
    }

    /**
     * @param k factors
     * @param lambda L2 regularisation λ
     * @param alpha confidence scale α
     * @param iterations full (X then Y) sweeps
     * @param seed seed for the initial factors
     * @param cgSteps conjugate-gradient steps per solve, or 0 for exact Cholesky solves
     * @param weightedLambda scale λ by each row's number of interactions (ALS-WR, Spark's convention)
     */
    public AlsTrainer(int k, double lambda, double alpha, int iterations, long seed, int cgSteps,
            boolean weightedLambda) {
        this.weightedLambda = weightedLambda;
        this.cgSteps = cgSteps;
        this.k = k;
        this.lambda = lambda;
        this.alpha = alpha;
        this.iterations = iterations;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "als";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new AlsScorer(fit(data));
    }

    /** Trains the model. */
    public AlsModel fit(Interactions data) {
        int nu = data.users();
        int ni = data.items();
        double[] x = new double[nu * k];
        double[] y = new double[ni * k];
        Random rnd = new Random(seed);
        for (int j = 0; j < y.length; j++) {
            y[j] = rnd.nextGaussian() * 0.01;
        }
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        for (int it = 0; it < iterations; it++) {
            // X ← argmin given Y
            gram(y, ni, gram);
            solveAll(nu, gram, y, x, (r, range) -> range.set(data.rowStart(r), data.rowStart(r + 1)),
                    data::colAt, data::valueAt);
            // Y ← argmin given X
            gram(x, nu, gram);
            solveAll(ni, gram, x, y, (c, range) -> range.set(data.colStart(c), data.colStart(c + 1)),
                    data::rowAt, data::colValueAt);
        }
        gram(y, ni, gram);
        float[] yf = new float[y.length];
        for (int j = 0; j < y.length; j++) {
            yf[j] = (float) y[j];
        }
        return new AlsModel(k, lambda, alpha, yf, gram.data.clone(), weightedLambda);
    }

    private void gram(double[] f, int rows, DMatrixRMaj out) {
        // G = FᵀF
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(rows, k, f), DMatrixRMaj.wrap(rows, k, f), out);
    }

    interface RangeOf {
        void of(int row, Range range);
    }

    interface IntToInt {
        int at(int k);
    }

    interface IntToFloat {
        float at(int k);
    }

    static final class Range {
        int from;
        int to;

        void set(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    private void solveAll(int rows, DMatrixRMaj gram, double[] other, double[] target,
            RangeOf rangeOf, IntToInt index, IntToFloat value) {
        int chunks = Math.min(rows, 64);
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            Workspace w = new Workspace(k);
            Range r = new Range();
            for (int row = ch; row < rows; row += chunks) {
                rangeOf.of(row, r);
                double reg = weightedLambda ? lambda * (r.to - r.from) : lambda;
                if (cgSteps > 0) {
                    w.conjugateGradient(gram, other, r.from, r.to, index, value, reg, alpha, target, row * k, cgSteps);
                } else {
                    w.solve(gram, other, r.from, r.to, index, value, reg, alpha, target, row * k);
                }
            }
        });
    }

    /** Preallocated per-thread work matrices for one normal-equation solve. */
    static final class Workspace {
        final int k;
        final DMatrixRMaj a;
        final DMatrixRMaj b;
        final DMatrixRMaj x;
        final LinearSolverDense<DMatrixRMaj> chol;

        final double[] r;
        final double[] p;
        final double[] ap;

        Workspace(int k) {
            this.k = k;
            r = new double[k];
            p = new double[k];
            ap = new double[k];
            a = new DMatrixRMaj(k, k);
            b = new DMatrixRMaj(k, 1);
            x = new DMatrixRMaj(k, 1);
            chol = LinearSolverFactory_DDRM.symmPosDef(k);
        }

        /** q = (YᵀY + λI) v + Σᵢ (cᵢ − 1)(yᵢ·v) yᵢ, without forming the matrix. */
        private void multiply(DMatrixRMaj gram, double[] other, int from, int to, IntToInt index, IntToFloat value,
                double lambda, double alpha, double[] v, double[] q) {
            double[] g = gram.data;
            for (int a = 0; a < k; a++) {
                double s = lambda * v[a];
                int off = a * k;
                for (int b = 0; b < k; b++) {
                    s += g[off + b] * v[b];
                }
                q[a] = s;
            }
            for (int e = from; e < to; e++) {
                int o = index.at(e) * k;
                double cm1 = alpha * Math.log1p(value.at(e));
                double yv = 0;
                for (int a = 0; a < k; a++) {
                    yv += other[o + a] * v[a];
                }
                yv *= cm1;
                for (int a = 0; a < k; a++) {
                    q[a] += yv * other[o + a];
                }
            }
        }

        void conjugateGradient(DMatrixRMaj gram, double[] other, int from, int to, IntToInt index, IntToFloat value,
                double lambda, double alpha, double[] target, int offset, int steps) {
            double[] x = new double[k];
            System.arraycopy(target, offset, x, 0, k);
            // r = b − A x with b = Σᵢ cᵢ yᵢ
            multiply(gram, other, from, to, index, value, lambda, alpha, x, ap);
            for (int a = 0; a < k; a++) {
                r[a] = -ap[a];
            }
            for (int e = from; e < to; e++) {
                int o = index.at(e) * k;
                double c = 1 + alpha * Math.log1p(value.at(e));
                for (int a = 0; a < k; a++) {
                    r[a] += c * other[o + a];
                }
            }
            System.arraycopy(r, 0, p, 0, k);
            double rr = 0;
            for (int a = 0; a < k; a++) {
                rr += r[a] * r[a];
            }
            for (int it = 0; it < steps && rr > 1e-20; it++) {
                multiply(gram, other, from, to, index, value, lambda, alpha, p, ap);
                double pAp = 0;
                for (int a = 0; a < k; a++) {
                    pAp += p[a] * ap[a];
                }
                // x += (rᵀr / pᵀAp) p ; r −= (rᵀr / pᵀAp) Ap
                double step = rr / pAp;
                double rrNew = 0;
                for (int a = 0; a < k; a++) {
                    x[a] += step * p[a];
                    r[a] -= step * ap[a];
                    rrNew += r[a] * r[a];
                }
                double beta = rrNew / rr;
                for (int a = 0; a < k; a++) {
                    p[a] = r[a] + beta * p[a];
                }
                rr = rrNew;
            }
            System.arraycopy(x, 0, target, offset, k);
        }

        void solve(DMatrixRMaj gram, double[] other, int from, int to, IntToInt index, IntToFloat value,
                double lambda, double alpha, double[] target, int offset) {
            double[] ad = a.data;
            double[] bd = b.data;
            // A = YᵀY + λI
            System.arraycopy(gram.data, 0, ad, 0, k * k);
            for (int f = 0; f < k; f++) {
                ad[f * k + f] += lambda;
            }
            java.util.Arrays.fill(bd, 0);
            for (int e = from; e < to; e++) {
                int o = index.at(e) * k;
                double c = 1 + alpha * Math.log1p(value.at(e));
                // A += (c − 1) yᵢyᵢᵀ ; b += c·yᵢ
                double cm1 = c - 1;
                for (int p = 0; p < k; p++) {
                    double yp = other[o + p];
                    double s = cm1 * yp;
                    int rowOff = p * k;
                    for (int q = 0; q <= p; q++) {
                        ad[rowOff + q] += s * other[o + q];
                    }
                    bd[p] += c * yp;
                }
            }
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < p; q++) {
                    ad[q * k + p] = ad[p * k + q];
                }
            }
            if (to == from) {
                java.util.Arrays.fill(target, offset, offset + k, 0);
                return;
            }
            // x = A⁻¹ b via Cholesky
            if (!chol.setA(a)) {
                throw new IllegalStateException("normal equations not positive definite");
            }
            chol.solve(b, x);
            System.arraycopy(x.data, 0, target, offset, k);
        }
    }
}
