package dev.tunesmith.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * {@code ./tunesmith train recommender --engine spark}: the Spark side. Reads the (user, track, weight)
 * pairs from PostgreSQL over JDBC (the query is built by Tunesmith from its event weights and runs in
 * PostgreSQL; Spark reads it in {@code --partitions} ranges of user id), trains Spark MLlib implicit ALS,
 * evaluates it on a seeded per-user 20 % holdout (NDCG@10, precision@10, recall@10, MAP against the
 * held-out tracks, training tracks excluded from the ranking), retrains on all pairs and writes the item
 * factors for Tunesmith to turn into a model version.
 *
 * <p>Arguments: {@code --jdbc URL --query SQL --out DIR [--master local[2]] [--rank 32] [--lambda 10] [--alpha 1]
 * [--iterations 15] [--seed S] [--partitions 4] [--eval true]}; the database user and password come from
 * {@code TUNESMITH_DB_USER} / {@code TUNESMITH_DB_PASSWORD} (never on the command line).
 *
 * <p>Output in {@code DIR}: {@code items.tsv} ({@code trackId \t users \t f1,f2,…}) and {@code metrics.json}.
 */
public final class SparkTrainMain {
    private SparkTrainMain() {}

    /** Entry point. */
    public static void main(String[] argv) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String master = a.getOrDefault("master", "local[2]");
        int rank = Integer.parseInt(a.getOrDefault("rank", "32"));
        double lambda = Double.parseDouble(a.getOrDefault("lambda", "10"));
        double alpha = Double.parseDouble(a.getOrDefault("alpha", "1"));
        int iterations = Integer.parseInt(a.getOrDefault("iterations", "15"));
        long seed = Long.parseLong(a.getOrDefault("seed", "20110101"));
        int partitions = Integer.parseInt(a.getOrDefault("partitions", "4"));
        boolean eval = Boolean.parseBoolean(a.getOrDefault("eval", "true"));
        Path out = Path.of(a.get("out"));
        long t0 = System.nanoTime();
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("tunesmith-train-recommender")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", Integer.toString(Math.max(2, partitions)));
        if (!master.startsWith("local")) {
            // executors of a standalone cluster read PostgreSQL too: ship them the JDBC driver
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (entry.contains("postgresql") && entry.endsWith(".jar")) {
                    builder.config("spark.jars", entry);
                }
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Properties props = new Properties();
        props.put("user", System.getenv().getOrDefault("TUNESMITH_DB_USER", "tunesmith"));
        props.put("password", System.getenv().getOrDefault("TUNESMITH_DB_PASSWORD", ""));
        props.put("driver", "org.postgresql.Driver");
        props.put("fetchsize", "10000");
        String table = "(" + a.get("query") + ") AS pairs";
        // the bounds of the partitioned read: one small query, then parallel range scans by user id
        Row bounds = spark.read().jdbc(a.get("jdbc"), "(SELECT coalesce(min(user_id), 0) AS lo, coalesce(max(user_id), 0) AS hi FROM ("
                + a.get("query") + ") q) AS b", props).first();
        long lo = ((Number) bounds.get(0)).longValue();
        long hi = ((Number) bounds.get(1)).longValue();
        Dataset<Row> raw = spark.read().jdbc(a.get("jdbc"), table, "user_id", lo, hi + 1, Math.max(1, partitions), props);
        // ALS wants int ids: Tunesmith's user and track ids are bigint identities, checked to fit
        Dataset<Row> pairs = raw.select(functions.col("user_id").cast("int").as("user"), functions.col("track_id").cast("int").as("item"),
                functions.log1p(functions.col("weight")).cast("float").as("rating")).cache();
        long nnz = pairs.count();
        if (nnz == 0) {
            throw new IllegalStateException("no positive (user, track) pairs in the events: nothing to train on");
        }
        long users = pairs.select("user").distinct().count();
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        // Spark regularises each row by λ·(its count) (ALS-WR); Tunesmith's λ is per row: divide by the mean row size
        double reg = a.containsKey("reg") ? Double.parseDouble(a.get("reg")) : lambda / ((double) nnz / users);
        ALS als = new ALS().setRank(rank).setRegParam(reg).setAlpha(alpha).setMaxIter(iterations).setImplicitPrefs(true)
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(seed).setColdStartStrategy("drop");
        StringBuilder metrics = new StringBuilder();
        if (eval) {
            metrics.append(evaluate(spark, als, pairs, seed));
        }
        long t1 = System.nanoTime();
        ALSModel model = als.fit(pairs);
        List<Row> items = model.itemFactors().collectAsList();
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        Map<Integer, Long> popularity = new HashMap<>();
        for (Row r : pairs.groupBy("item").count().collectAsList()) {
            popularity.put(r.getInt(0), r.getLong(1));
        }
        Files.createDirectories(out);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("items.tsv"))) {
            for (Row r : items) {
                w.write(r.getInt(0) + "\t" + popularity.getOrDefault(r.getInt(0), 0L) + "\t");
                List<Object> v = r.getList(1);
                for (int j = 0; j < v.size(); j++) {
                    w.write(j == 0 ? "" : ",");
                    w.write(v.get(j).toString());
                }
                w.write('\n');
            }
        }
        String json = String.format(Locale.ROOT, "{\"engine\":\"spark\",\"sparkVersion\":\"%s\",\"master\":\"%s\",\"users\":%d,\"items\":%d,"
                        + "\"pairs\":%d,\"rank\":%d,\"regParam\":%.6f,\"alpha\":%.4f,\"iterations\":%d,\"readSeconds\":%.3f,\"trainSeconds\":%.3f%s}",
                spark.version(), master, users, items.size(), nnz, rank, reg, alpha, iterations, readSeconds, trainSeconds, metrics);
        Files.writeString(out.resolve("metrics.json"), json);
        System.out.println(json);
        spark.stop();
    }

    /** Seeded per-user 20 % holdout (users with at least 5 pairs): ranking metrics at 10 of a model fitted on the rest. */
    private static String evaluate(SparkSession spark, ALS als, Dataset<Row> pairs, long seed) {
        Dataset<Row> tagged = pairs.withColumn("r", functions.rand(seed)).withColumn("n",
                functions.count("*").over(org.apache.spark.sql.expressions.Window.partitionBy("user")));
        Dataset<Row> test = tagged.where("n >= 5 AND r < 0.2").select("user", "item", "rating");
        Dataset<Row> train = tagged.where("NOT (n >= 5 AND r < 0.2)").select("user", "item", "rating").cache();
        long t = System.nanoTime();
        ALSModel m = als.fit(train);
        double seconds = (System.nanoTime() - t) / 1e9;
        Dataset<Row> testUsers = test.select("user").distinct();
        int maxTrain = (int) train.groupBy("user").count().agg(functions.max("count")).first().getLong(0);
        Map<Integer, Set<Integer>> seen = new HashMap<>();
        for (Row r : train.join(testUsers, "user").select("user", "item").collectAsList()) {
            seen.computeIfAbsent(r.getInt(0), k -> new HashSet<>()).add(r.getInt(1));
        }
        Map<Integer, List<Integer>> truth = new HashMap<>();
        for (Row r : test.collectAsList()) {
            truth.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getInt(1));
        }
        List<Tuple2<List<Integer>, List<Integer>>> rows = new ArrayList<>();
        for (Row r : m.recommendForUserSubset(testUsers, Math.min(10 + maxTrain, 5_000)).collectAsList()) {
            int user = r.getInt(0);
            Set<Integer> exclude = seen.getOrDefault(user, Set.of());
            List<Integer> top = new ArrayList<>();
            for (Row rec : r.<Row>getList(1)) {
                int item = rec.getInt(0);
                if (!exclude.contains(item)) {
                    top.add(item);
                    if (top.size() == 10) {
                        break;
                    }
                }
            }
            rows.add(new Tuple2<>(top, truth.getOrDefault(user, List.of())));
        }
        if (rows.isEmpty()) {
            return ",\"evaluation\":null";
        }
        JavaRDD<Tuple2<List<Integer>, List<Integer>>> rdd = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(rows);
        RankingMetrics<Integer> rm = RankingMetrics.of(rdd);
        return String.format(Locale.ROOT, ",\"evaluation\":{\"protocol\":\"per-user 20%% holdout (users with >= 5 tracks), seed %d, "
                        + "training tracks excluded\",\"testUsers\":%d,\"ndcg@10\":%.4f,\"precision@10\":%.4f,\"recall@10\":%.4f,\"map@10\":%.4f,"
                        + "\"trainSeconds\":%.3f}", seed, rows.size(), rm.ndcgAt(10), rm.precisionAt(10), rm.recallAt(10),
                rm.meanAveragePrecisionAt(10), seconds);
    }
}
