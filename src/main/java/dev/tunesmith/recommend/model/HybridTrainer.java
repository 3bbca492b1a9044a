package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.data.UserVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses blend weights on a validation split of the training data, then serves the components
 * trained on all of it. Validation: one of 5 seeded per-user folds of the training interactions
 * is held out, the components are trained on the rest, and weights are found by coordinate ascent
 * over a fixed grid maximising NDCG@10 on the held-out items (candidates: the union of each
 * component's top 100).
 */
public final class HybridTrainer implements ScorerTrainer {
    private static final double[] GRID = {0, 0.1, 0.25, 0.5, 1, 2, 4};
    /** A finer grid (used by the served recommender). */
    public static final double[] FINE_GRID = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.4, 2, 3, 4};
    private final double[] grid;
    private final int rounds;
    private static final int CANDIDATES = 100;
    private final List<ScorerTrainer> components;
    private final long seed;

    /**
     * @param components trainers of the blended scorers
     * @param seed seed of the validation split
     */
    public HybridTrainer(List<ScorerTrainer> components, long seed) {
        this(components, seed, GRID, 3);
    }

    /**
     * @param components trainers of the blended scorers
     * @param seed seed of the validation split
     * @param grid weights tried per component
     * @param rounds coordinate-ascent rounds at most
     */
    public HybridTrainer(List<ScorerTrainer> components, long seed, double[] grid, int rounds) {
        this.components = List.copyOf(components);
        this.seed = seed;
        this.grid = grid.clone();
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public ItemScorer train(Interactions data) {
        double[] w = fitWeights(data);
        List<ItemScorer> scorers = new ArrayList<>();
        for (ScorerTrainer t : components) {
            scorers.add(t.train(data));
        }
        return new HybridScorer(scorers, w);
    }

    /** The blend weights chosen on a validation split of {@code data}, as a serialisable model. */
    public HybridModel fit(Interactions data) {
        return new HybridModel(components.stream().map(ScorerTrainer::name).toList(), fitWeights(data));
    }

    /** Weights per component, chosen on a validation split of {@code data}. */
    public double[] fitWeights(Interactions data) {
        int[] fold = Splits.foldOfEntry(data, 5, seed ^ 0x5EEDL);
        Interactions sub = data.filter(Splits.trainMask(fold, 0));
        int[][] val = Splits.heldOut(data, fold, 0);
        List<ItemScorer> scorers = new ArrayList<>();
        for (ScorerTrainer t : components) {
            scorers.add(t.train(sub));
        }
        Validation v = validation(scorers, sub, val, (scores, user) -> Vectors.standardise(scores, scores.length));
        return coordinateAscent(scorers.size(), v.z(), v.relevant(), val, null, grid, rounds);
    }

    /** Turns one component's scores for a user into the blend's scale, in place. */
    @FunctionalInterface
    public interface Normaliser {
        void normalise(float[] scores, UserVector user);
    }

    /**
     * The candidates of a validation split: per user with held-out items, the union of each
     * component's top {@value #CANDIDATES} unseen items, their normalised scores per component and
     * whether each is held out.
     *
     * @param z per user, per component, per candidate (null for a user without held-out or training items)
     * @param relevant per user, per candidate
     */
    public record Validation(float[][][] z, boolean[][] relevant) {}

    /** Scores every user of {@code train} with every component and collects the {@link Validation}. */
    public static Validation validation(List<ItemScorer> scorers, Interactions train, int[][] heldOut, Normaliser norm) {
        int nc = scorers.size();
        int n = train.items();
        float[][][] z = new float[train.users()][][];
        boolean[][] rel = new boolean[train.users()][];
        IntStream.range(0, train.users()).parallel().forEach(u -> {
            if (heldOut[u].length == 0 || train.rowStart(u + 1) == train.rowStart(u)) {
                return;
            }
            UserVector uv = train.row(u);
            float[][] s = new float[nc][n];
            boolean[] pick = new boolean[n];
            for (int c = 0; c < nc; c++) {
                scorers.get(c).score(uv, s[c]);
                norm.normalise(s[c], uv);
                for (int i : Vectors.topK(s[c], n, CANDIDATES, i -> !uv.contains(i))) {
                    pick[i] = true;
                }
            }
            int[] cs = IntStream.range(0, n).filter(i -> pick[i]).toArray();
            float[][] zu = new float[nc][cs.length];
            for (int c = 0; c < nc; c++) {
                for (int j = 0; j < cs.length; j++) {
                    zu[c][j] = s[c][cs[j]];
                }
            }
            boolean[] r = new boolean[cs.length];
            int[] held = heldOut[u].clone();
            Arrays.sort(held);
            for (int j = 0; j < cs.length; j++) {
                r[j] = Arrays.binarySearch(held, cs[j]) >= 0;
            }
            z[u] = zu;
            rel[u] = r;
        });
        return new Validation(z, rel);
    }

    /**
     * Blend weights by coordinate ascent over {@code grid} (at most {@code rounds} sweeps, starting
     * from the best single component) maximising NDCG@10 over the users in {@code on} (all when null).
     *
     * @param nc number of components
     * @param z per user, per component, the candidates' standardised scores (null: user skipped)
     * @param rel per user, whether each candidate is a held-out item
     * @param val per user, the held-out items (for the ideal DCG)
     */
    public static double[] coordinateAscent(int nc, float[][][] z, boolean[][] rel, int[][] val, boolean[] on,
            double[] grid, int rounds) {
        double[] best = new double[nc];
        double bestScore = -1;
        for (int c = 0; c < nc; c++) {
            double[] w = new double[nc];
            w[c] = 1;
            double s = ndcg(w, z, rel, val, on);
            if (s > bestScore) {
                bestScore = s;
                best = w;
            }
        }
        for (int round = 0; round < rounds; round++) {
            boolean improved = false;
            for (int c = 0; c < nc; c++) {
                for (double g : grid) {
                    double[] w = best.clone();
                    w[c] = g;
                    double s = ndcg(w, z, rel, val, on);
                    if (s > bestScore + 1e-6) {
                        bestScore = s;
                        best = w;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return best;
    }

    /** Mean NDCG@10 of the blend {@code w} over the users in {@code on} (all when null). */
    public static double ndcg(double[] w, float[][][] z, boolean[][] rel, int[][] val, boolean[] on) {
        return IntStream.range(0, z.length).parallel().filter(u -> z[u] != null && (on == null || on[u])).mapToDouble(u -> {
            int m = rel[u].length;
            float[] s = new float[m];
            for (int c = 0; c < w.length; c++) {
                if (w[c] == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    s[j] += (float) w[c] * z[u][c][j];
                }
            }
            int[] top = Vectors.topK(s, m, 10, null);
            double dcg = 0;
            for (int r = 0; r < top.length; r++) {
                if (rel[u][top[r]]) {
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(10, val[u].length); r++) {
                idcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
            return dcg / idcg;
        }).average().orElse(0);
    }
}
