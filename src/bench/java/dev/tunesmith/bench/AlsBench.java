package dev.tunesmith.bench;

import dev.tunesmith.recommend.eval.Protocol;
import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.eval.Evaluator;
import dev.tunesmith.recommend.model.AlsScorer;
import dev.tunesmith.recommend.model.AlsTrainer;
import dev.tunesmith.recommend.model.ItemScorer;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench als [--data DIR] [--factors 64] [--lambda 1.25] [--alpha 2] [--iterations 15] [--cg 3 | --cg 0]
 * [--plain-lambda] [--repeats 3] [--spark]}: trains implicit ALS on fold 0 of the evaluation protocol (80 % of each
 * HetRec user's artists) with fixed factors/λ/α/iterations and reports wall-clock training seconds
 * (best and median of {@code --repeats}, after one warm-up run) and NDCG@10 on the held-out 20 %.
 * With {@code --spark} it also runs Apache Spark MLlib ALS (implicitPrefs, same rank, α, maxIter,
 * local[*], weights log(1 + plays)) in a Java 17 process built by the {@code bench-spark} profile,
 * timed the same way inside that process, and evaluates its factors with the same protocol.
 */
public final class AlsBench {
    private AlsBench() {}

    /** Runs the benchmark; prints a table and JSON. */
    public static int run(Map<String, String> o) {
        try {
            Path dir = Path.of(o.getOrDefault("data", "../shared/data/lastfm-hetrec2k"));
            int k = Integer.parseInt(o.getOrDefault("factors", "64"));
            double lambda = Double.parseDouble(o.getOrDefault("lambda", "1.25"));
            double alpha = Double.parseDouble(o.getOrDefault("alpha", "2"));
            int iters = Integer.parseInt(o.getOrDefault("iterations", "15"));
            int repeats = Integer.parseInt(o.getOrDefault("repeats", "3"));
            HetRecData d = HetRecData.load(dir);
            int[] fold = Splits.foldOfEntry(d.plays(), 5, Protocol.SEED);
            Interactions train = d.plays().filter(Splits.trainMask(fold, 0));
            int[][] test = Splits.heldOut(d.plays(), fold, 0);
            int cg = Integer.parseInt(o.getOrDefault("cg", "3"));
            boolean weighted = !o.containsKey("plain-lambda");
            AlsTrainer trainer = new AlsTrainer(k, lambda, alpha, iters, Protocol.SEED, cg, weighted);
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
            String name = (cg > 0 ? "tunesmith-cg" + cg : "tunesmith-chol") + (weighted ? "-wl" : "");
            rows.add(String.format(Locale.ROOT, "%-14s %8.3f %8.3f %8.4f", name, secs.get(0),
                    secs.get(secs.size() / 2), ndcg));
            json.add(String.format(Locale.ROOT, "{\"impl\":\"%s\",\"train_s_best\":%.3f,\"train_s_median\":%.3f,"
                    + "\"ndcg@10\":%.4f}", name, secs.get(0), secs.get(secs.size() / 2), ndcg));
            if (o.containsKey("spark")) {
                String spark = sparkRow(o, train, test, k, lambda, alpha, iters, repeats);
                if (spark == null) {
                    System.err.println("bench als: Spark build not found (mvn -Pbench-spark -DskipTests compile)");
                } else {
                    String[] parts = spark.split(";");
                    rows.add(parts[0]);
                    json.add(parts[1]);
                }
            }
            System.out.printf(Locale.ROOT,
                    "bench als: HetRec fold 0 (%d users x %d artists, %d training pairs), k=%d, lambda=%.4g, alpha=%.3g,"
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

    private static final List<String> SPARK_JVM_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    /**
     * Runs {@code SparkAlsMain} in a Java 17 process on the same fold-0 training pairs (weights
     * log(1 + plays), so Spark's c = 1 + α·r equals ours) and evaluates its factors with the same
     * protocol. Returns "table row;json" or null when the Spark build is missing.
     */
    private static String sparkRow(Map<String, String> o, Interactions train, int[][] test, int k, double lambda,
            double alpha, int iters, int repeats) throws Exception {
        Path dir = Path.of(o.getOrDefault("spark-dir", "src/bench/spark/target"));
        Path cpFile = dir.resolve("spark-cp.txt");
        if (!Files.isRegularFile(cpFile) || !Files.isDirectory(dir.resolve("classes"))) {
            return null;
        }
        String javaBin = o.getOrDefault("spark-java", System.getenv().getOrDefault("SPARK_JAVA",
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
        // Spark scales regParam by each row's number of ratings (ALS-WR): with --weighted-lambda the
        // objectives are identical; otherwise λ / (mean ratings per user) matches λ for an average user
        double meanPerUser = (double) train.nnz() / train.users();
        double dflt = !o.containsKey("plain-lambda") ? lambda : lambda / meanPerUser;
        double reg = Double.parseDouble(o.getOrDefault("spark-reg", Double.toString(dflt)));
        Path work = Files.createTempDirectory("tunesmith-spark-als");
        Path tsv = work.resolve("train.tsv");
        try (BufferedWriter w = Files.newBufferedWriter(tsv)) {
            for (int u = 0; u < train.users(); u++) {
                for (int e = train.rowStart(u); e < train.rowStart(u + 1); e++) {
                    w.write(u + "\t" + train.colAt(e) + "\t" + (float) Math.log1p(train.valueAt(e)) + "\n");
                }
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin);
        cmd.addAll(SPARK_JVM_OPTIONS);
        cmd.add("-Xmx" + o.getOrDefault("spark-xmx", "6g"));
        cmd.add("-cp");
        cmd.add(dir.resolve("classes") + java.io.File.pathSeparator + Files.readString(cpFile).trim());
        cmd.add("dev.tunesmith.recommend.bench.spark.SparkAlsMain");
        cmd.addAll(List.of(tsv.toString(), work.resolve("out").toString(), Integer.toString(k), Double.toString(reg),
                Double.toString(alpha), Integer.toString(iters), Integer.toString(repeats),
                o.getOrDefault("spark-master", "local[*]")));
        Path log = work.resolve("spark.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Spark run failed, see " + log);
        }
        List<Double> secs = new ArrayList<>();
        for (String x : Files.readString(work.resolve("out/seconds.txt")).trim().split(",")) {
            secs.add(Double.parseDouble(x));
        }
        secs.sort(null);
        float[] uf = factors(work.resolve("out/users.tsv"), train.users(), k);
        float[] itf = factors(work.resolve("out/items.tsv"), train.items(), k);
        ItemScorer spark = new ItemScorer() {
            @Override
            public String name() {
                return "spark-als";
            }

            @Override
            public int itemCount() {
                return train.items();
            }

            @Override
            public void score(dev.tunesmith.recommend.data.UserVector user, float[] out) {
                for (int i = 0; i < train.items(); i++) {
                    out[i] = dev.tunesmith.recommend.model.Vectors.dot(uf, user.self() * k, itf, i * k, k);
                }
            }
        };
        double ndcg = Evaluator.evaluate(spark, train, test)[0];
        String row = String.format(Locale.ROOT, "%-14s %8.3f %8.3f %8.4f   (regParam %.4f)", "spark-mllib",
                secs.get(0), secs.get(secs.size() / 2), ndcg, reg);
        String json = String.format(Locale.ROOT,
                "{\"impl\":\"spark-mllib\",\"train_s_best\":%.3f,\"train_s_median\":%.3f,\"ndcg@10\":%.4f,"
                        + "\"regParam\":%.5f}", secs.get(0), secs.get(secs.size() / 2), ndcg, reg);
        return row + ";" + json;
    }

    private static float[] factors(Path file, int rows, int k) throws java.io.IOException {
        float[] f = new float[rows * k];
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            int id = Integer.parseInt(parts[0]);
            String[] v = parts[1].split(",");
            for (int j = 0; j < k; j++) {
                f[id * k + j] = Float.parseFloat(v[j]);
            }
        }
        return f;
    }
}
