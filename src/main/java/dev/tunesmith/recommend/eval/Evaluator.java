package dev.tunesmith.recommend.eval;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.engine.ServedScorer;
import dev.tunesmith.recommend.model.HybridScorer;
import dev.tunesmith.recommend.model.HybridTrainer;
import dev.tunesmith.recommend.model.ItemScorer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import dev.tunesmith.recommend.model.Vectors;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * The fixed offline protocol: every user's items are split into 5 seeded folds (20 % each,
 * {@link Splits#foldOfEntry}); for each evaluated fold the scorers train on the other 80 %, rank
 * every item the user has not trained on, and are scored against the held-out 20 % (users with at
 * least one held-out and one training item). Figures are means over the evaluated folds; NDCG@10
 * also carries its sample standard deviation over folds. The hybrid picks its weights on a validation split of
 * the training part only (never the test fold) and blends the components trained on that fold.
 */
public final class Evaluator {
    private final int folds;
    private final int foldsToRun;
    private final long seed;
    private final PrintStream log;
    private final Map<String, List<Double>> perFold = new LinkedHashMap<>();

    /**
     * @param folds number of folds in the split (5: 20 % held out)
     * @param foldsToRun how many of them to evaluate (≤ folds)
     * @param seed split seed
     * @param log progress output
     */
    public Evaluator(int folds, int foldsToRun, long seed, PrintStream log) {
        this.folds = folds;
        this.foldsToRun = foldsToRun;
        this.seed = seed;
        this.log = log;
    }

    /**
     * Evaluates each trainer and, when {@code hybrid} is non-null, the hybrid over the given
     * components (by name, which must be among {@code trainers}).
     */
    public List<EvalResult> run(Interactions data, List<ScorerTrainer> trainers, List<String> hybrid) {
        int[] fold = Splits.foldOfEntry(data, folds, seed);
        perFold.clear();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int f = 0; f < foldsToRun; f++) {
            Interactions train = data.filter(Splits.trainMask(fold, f));
            int[][] test = Splits.heldOut(data, fold, f);
            Map<String, ItemScorer> trained = new LinkedHashMap<>();
            for (ScorerTrainer t : trainers) {
                long t0 = System.nanoTime();
                ItemScorer s = t.train(train);
                double secs = (System.nanoTime() - t0) / 1e9;
                trained.put(t.name(), s);
                accumulate(sums, t.name(), evaluate(s, train, test), secs);
                log.printf("fold %d %-16s trained in %.1f s%n", f, t.name(), secs);
                if (s instanceof ServedScorer served) {
                    log.printf("fold %d served blend %s%n", f, served.describe());
                }
            }
            if (hybrid != null && !hybrid.isEmpty()) {
                List<ScorerTrainer> comps = trainers.stream().filter(t -> hybrid.contains(t.name())).toList();
                long t0 = System.nanoTime();
                double[] w = new HybridTrainer(comps, seed + f).fitWeights(train);
                double secs = (System.nanoTime() - t0) / 1e9;
                List<ItemScorer> scorers = new ArrayList<>();
                for (ScorerTrainer t : comps) {
                    scorers.add(trained.get(t.name()));
                }
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < comps.size(); c++) {
                    sb.append(comps.get(c).name()).append('=').append(w[c]).append(' ');
                }
                log.printf("fold %d hybrid weights %s(chosen in %.1f s)%n", f, sb, secs);
                accumulate(sums, "hybrid", evaluate(new HybridScorer(scorers, w), train, test), secs);
            }
        }
        List<EvalResult> out = new ArrayList<>();
        for (var e : sums.entrySet()) {
            double[] s = e.getValue();
            List<Double> nd = perFold.get(e.getKey());
            double mean = s[0] / foldsToRun;
            double var = 0;
            for (double x : nd) {
                var += (x - mean) * (x - mean);
            }
            double sd = nd.size() > 1 ? Math.sqrt(var / (nd.size() - 1)) : 0;
            out.add(new EvalResult(e.getKey(), mean, s[1] / foldsToRun, s[2] / foldsToRun,
                    s[3] / foldsToRun, s[4] / foldsToRun, s[5] / foldsToRun, s[6] / foldsToRun, sd,
                    nd.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private void accumulate(Map<String, double[]> sums, String name, double[] m, double secs) {
        perFold.computeIfAbsent(name, k -> new ArrayList<>()).add(m[0]);
        double[] s = sums.computeIfAbsent(name, k -> new double[7]);
        for (int j = 0; j < 4; j++) {
            s[j] += m[j];
        }
        s[4] += m[4];
        s[5] += secs;
        s[6] += m[5];
    }

    /** {ndcg@10, map@10, recall@20, coverage, novelty, users} for one trained scorer on one fold. */
    public static double[] evaluate(ItemScorer scorer, Interactions train, int[][] test) {
        int n = train.items();
        AtomicIntegerArray shown = new AtomicIntegerArray(n);
        double[] pop = new double[n];
        for (int i = 0; i < n; i++) {
            pop[i] = -Math.log(Math.max(train.itemCount(i), 1) / (double) train.users()) / Math.log(2);
        }
        double[][] per = new double[train.users()][];
        IntStream.range(0, train.users()).parallel().forEach(u -> {
            if (test[u].length == 0 || train.rowStart(u + 1) == train.rowStart(u)) {
                return;
            }
            UserVector uv = train.row(u);
            float[] s = new float[n];
            scorer.score(uv, s);
            int[] top = Vectors.topK(s, n, 20, i -> !uv.contains(i));
            int[] rel = test[u].clone();
            Arrays.sort(rel);
            double nov = 0;
            for (int r = 0; r < Math.min(10, top.length); r++) {
                shown.set(top[r], 1);
                nov += pop[top[r]];
            }
            per[u] = new double[] {Metrics.ndcg(top, rel, 10), Metrics.averagePrecision(top, rel, 10),
                Metrics.recall(top, rel, 20), nov / Math.min(10, Math.max(top.length, 1))};
        });
        double[] m = new double[6];
        int users = 0;
        for (double[] p : per) {
            if (p != null) {
                m[0] += p[0];
                m[1] += p[1];
                m[2] += p[2];
                m[4] += p[3];
                users++;
            }
        }
        int cov = 0;
        for (int i = 0; i < n; i++) {
            cov += shown.get(i);
        }
        m[0] /= users;
        m[1] /= users;
        m[2] /= users;
        m[3] = (double) cov / n;
        m[4] /= users;
        m[5] = users;
        return m;
    }

    /** A readable fixed-width table. */
    public static String table(List<EvalResult> results) {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%-16s %17s %8s %9s %9s %8s %8s%n", "scorer", "NDCG@10 (± sd)", "MAP@10", "Recall@20", "coverage",
                "novelty", "train_s"));
        for (EvalResult r : results) {
            sb.append(String.format(java.util.Locale.ROOT, "%-16s %8.4f ± %6.4f %8.4f %9.4f %9.4f %8.3f %8.2f%n",
                    r.scorer(), r.ndcg10(), r.ndcg10Std(), r.map10(), r.recall20(), r.coverage(), r.novelty(),
                    r.trainSeconds()));
        }
        return sb.toString();
    }

    /** The results as a JSON array. */
    public static String json(List<EvalResult> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < results.size(); j++) {
            sb.append(j == 0 ? "" : ",").append(results.get(j).toJson());
        }
        return sb.append(']').toString();
    }
}
