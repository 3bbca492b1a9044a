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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench als [--data DIR] [--factors 64] [--lambda 1.25] [--alpha 2] [--iterations 15] [--cg 3 | --cg 0]
 * [--plain-lambda] [--repeats 3] [--spark] [--scale N] [--eval-users 2000]}: trains implicit ALS on fold 0 of the evaluation protocol (80 % of each
 * HetRec user's artists) with fixed factors/λ/α/iterations and reports wall-clock training seconds
 * (best and median of {@code --repeats}, after one warm-up run) and NDCG@10 on the held-out 20 %.
 * With {@code --spark} it also runs Apache Spark MLlib ALS (implicitPrefs, same rank, α, maxIter,
 * local[*], weights log(1 + plays)) in a Java 17 process (module {@code src/spark}, built by the launcher),
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
            int scale = Integer.parseInt(o.getOrDefault("scale", "1"));
            Interactions all = scale > 1 ? scaled(d.plays(), scale, Protocol.SEED) : d.plays();
            int[] fold = Splits.foldOfEntry(all, 5, Protocol.SEED);
            Interactions train = all.filter(Splits.trainMask(fold, 0));
            int[][] test = Splits.heldOut(all, fold, 0);
            if (scale > 1) {
                test = sampleUsers(test, Integer.parseInt(o.getOrDefault("eval-users", "2000")), Protocol.SEED);
            }
            boolean warmup = scale == 1 && !o.containsKey("no-warmup");
            int cg = Integer.parseInt(o.getOrDefault("cg", "3"));
            boolean weighted = !o.containsKey("plain-lambda");
            AlsTrainer trainer = new AlsTrainer(k, lambda, alpha, iters, Protocol.SEED, cg, weighted);
            if (warmup) {
                trainer.fit(train);
            }
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
                String spark = sparkRow(o, train, test, k, lambda, alpha, iters, repeats, warmup);
                if (spark == null) {
                    System.err.println("bench als: Spark build not found in " + sparkDir(o)
                            + " (./tunesmith bench als --spark builds src/spark with a JDK 17/21)");
                } else {
                    String[] parts = spark.split(";");
                    rows.add(parts[0]);
                    json.add(parts[1]);
                }
            }
            System.out.printf(Locale.ROOT,
                    "bench als: %s fold 0 (%d users x %d items, %d training pairs), k=%d, lambda=%.4g, alpha=%.3g,"
                            + " %d iterations, %d threads available%n",
                    scale == 1 ? "HetRec" : "synthetic HetRec x" + scale + " (NDCG on " + Arrays.stream(test).filter(t -> t.length > 0).count()
                            + " sampled users)", train.users(), train.items(), train.nnz(), k, lambda, alpha, iters,
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
    private static Path sparkDir(Map<String, String> o) {
        return Path.of(o.getOrDefault("spark-dir", System.getenv().getOrDefault("TUNESMITH_SPARK_HOME", "src/spark/target")));
    }

    /**
     * A synthetic data set {@code n} times the size of HetRec: {@code n} copies of every user, copy {@code c} mapped
     * onto item block {@code c mod ⌈√n⌉} (so items grow by ⌈√n⌉), each pair kept with probability 0.9 and its play count
     * scaled by a factor in [0.5, 1.5). Per-user degree and popularity skew stay those of the real data.
     */
    static Interactions scaled(Interactions base, int n, long seed) {
        int blocks = (int) Math.ceil(Math.sqrt(n));
        java.util.Random rnd = new java.util.Random(seed);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) base.nnz() * n);
        int[] us = new int[cap];
        int[] is = new int[cap];
        float[] vs = new float[cap];
        int m = 0;
        for (int c = 0; c < n; c++) {
            int b = c % blocks;
            for (int u = 0; u < base.users(); u++) {
                for (int e = base.rowStart(u); e < base.rowStart(u + 1); e++) {
                    if (rnd.nextDouble() < 0.1) {
                        continue;
                    }
                    us[m] = c * base.users() + u;
                    is[m] = b * base.items() + base.colAt(e);
                    vs[m] = Math.max(1f, (float) (base.valueAt(e) * (0.5 + rnd.nextDouble())));
                    m++;
                }
            }
        }
        return Interactions.of(base.users() * n, base.items() * blocks, us, is, vs, m);
    }

    /** Keeps the held-out items of {@code max} random users with any (scoring every item for 190k users would dominate the run). */
    static int[][] sampleUsers(int[][] test, int max, long seed) {
        List<Integer> users = new ArrayList<>();
        for (int u = 0; u < test.length; u++) {
            if (test[u].length > 0) {
                users.add(u);
            }
        }
        java.util.Collections.shuffle(users, new java.util.Random(seed));
        int[][] out = new int[test.length][];
        java.util.Arrays.fill(out, new int[0]);
        for (int u : users.subList(0, Math.min(max, users.size()))) {
            out[u] = test[u];
        }
        return out;
    }

    private static String sparkRow(Map<String, String> o, Interactions train, int[][] test, int k, double lambda,
            double alpha, int iters, int repeats, boolean warmup) throws Exception {
        Path dir = sparkDir(o);
        Path cpFile = dir.resolve("spark-cp.txt");
        if (!Files.isRegularFile(cpFile) || !Files.isDirectory(dir.resolve("classes"))) {
            return null;
        }
        String javaBin = o.getOrDefault("spark-java", System.getenv().getOrDefault("TUNESMITH_SPARK_JAVA",
                System.getenv().getOrDefault("SPARK_JAVA", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java")));
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
        cmd.add("dev.tunesmith.spark.SparkAlsMain");
        cmd.addAll(List.of(tsv.toString(), work.resolve("out").toString(), Integer.toString(k), Double.toString(reg),
                Double.toString(alpha), Integer.toString(iters), Integer.toString(repeats),
                o.getOrDefault("spark-master", "local[*]"), Boolean.toString(warmup)));
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
