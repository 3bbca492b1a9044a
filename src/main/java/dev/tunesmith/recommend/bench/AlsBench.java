package dev.tunesmith.recommend.bench;

import dev.tunesmith.recommend.RecommendCli;
import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.eval.Evaluator;
import dev.tunesmith.recommend.model.AlsScorer;
import dev.tunesmith.recommend.model.AlsTrainer;
import dev.tunesmith.recommend.model.ItemScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench als}: trains implicit ALS on fold 0 of the evaluation protocol (80 % of each
 * HetRec user's artists) with fixed factors/λ/α/iterations and reports wall-clock training seconds
 * (best and median of {@code --repeats}, after one warm-up run) and NDCG@10 on the held-out 20 %.
 * With {@code --spark} it also runs Apache Spark MLlib ALS (implicitPrefs, same rank, regParam,
 * alpha, maxIter, local[*]) when the {@code bench-spark} Maven profile put Spark on the class path.
 */
public final class AlsBench {
    private AlsBench() {}

    /** Runs the benchmark; prints a table and JSON. */
    public static int run(Map<String, String> o) {
        try {
            Path dir = Path.of(o.getOrDefault("data", "../shared/data/lastfm-hetrec2k"));
            int k = Integer.parseInt(o.getOrDefault("factors", "64"));
            double lambda = Double.parseDouble(o.getOrDefault("lambda", "50"));
            double alpha = Double.parseDouble(o.getOrDefault("alpha", "2"));
            int iters = Integer.parseInt(o.getOrDefault("iterations", "15"));
            int repeats = Integer.parseInt(o.getOrDefault("repeats", "3"));
            HetRecData d = HetRecData.load(dir);
            int[] fold = Splits.foldOfEntry(d.plays(), 5, RecommendCli.SEED);
            Interactions train = d.plays().filter(Splits.trainMask(fold, 0));
            int[][] test = Splits.heldOut(d.plays(), fold, 0);
            int cg = Integer.parseInt(o.getOrDefault("cg", "0"));
            AlsTrainer trainer = new AlsTrainer(k, lambda, alpha, iters, RecommendCli.SEED, cg);
            trainer.fit(train);
            List<Double> secs = new ArrayList<>();
            ItemScorer scorer = null;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                scorer = new AlsScorer(trainer.fit(train));
                secs.add((System.nanoTime() - t0) / 1e9);
            }
            secs.sort(null);
            double ndcg = Evaluator.evaluate(scorer, train, test)[0];
            List<String> rows = new ArrayList<>();
            List<String> json = new ArrayList<>();
            String name = cg > 0 ? "tunesmith-cg" + cg : "tunesmith-chol";
            rows.add(String.format(Locale.ROOT, "%-14s %8.3f %8.3f %8.4f", name, secs.get(0),
                    secs.get(secs.size() / 2), ndcg));
            json.add(String.format(Locale.ROOT, "{\"impl\":\"%s\",\"train_s_best\":%.3f,\"train_s_median\":%.3f,"
                    + "\"ndcg@10\":%.4f}", name, secs.get(0), secs.get(secs.size() / 2), ndcg));
            if (o.containsKey("spark")) {
                String spark = sparkRow(o, train, test, k, lambda, alpha, iters, repeats);
                if (spark == null) {
                    System.err.println("bench als: Spark is not on the class path (build with -Pbench-spark)");
                } else {
                    String[] parts = spark.split(";");
                    rows.add(parts[0]);
                    json.add(parts[1]);
                }
            }
            System.out.printf(Locale.ROOT,
                    "bench als: HetRec fold 0 (%d users x %d artists, %d training pairs), k=%d, lambda=%.1f, alpha=%.1f,"
                            + " %d iterations, %d threads available%n",
                    train.users(), train.items(), train.nnz(), k, lambda, alpha, iters,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s%n", "impl", "best_s", "median_s", "NDCG@10");
            rows.forEach(System.out::println);
            System.out.println("[" + String.join(",", json) + "]");
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    private static String sparkRow(Map<String, String> o, Interactions train, int[][] test, int k, double lambda,
            double alpha, int iters, int repeats) throws Exception {
        Class<?> c;
        try {
            c = Class.forName("dev.tunesmith.recommend.bench.SparkAls");
        } catch (ClassNotFoundException e) {
            return null;
        }
        return (String) c.getMethod("run", Interactions.class, int[][].class, int.class, double.class, double.class,
                int.class, int.class).invoke(null, train, test, k, lambda, alpha, iters, repeats);
    }
}
