package dev.tunesmith.jobs;

import dev.tunesmith.config.AppConfig;
import dev.tunesmith.recommend.EngineConfig;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.EventWeights;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Big training on Apache Spark MLlib: runs {@code dev.tunesmith.spark.SparkTrainMain} (module {@code src/spark}) in a
 * JVM Spark supports (17 or 21; {@code TUNESMITH_SPARK_JAVA}, set by the launcher), which reads the (user, track,
 * weight) pairs from PostgreSQL over JDBC and trains implicit ALS locally ({@code local[N]}) or on a standalone
 * cluster ({@code spark://host:7077}). The item factors come back as a file; here they become a Tunesmith engine
 * ({@link EngineTrainer#fromAlsFactors}) stored as a new recommender version with {@code "engine":"spark"} and
 * Spark's evaluation metrics, loaded by the served engine like any other version.
 *
 * <p>The pairs query applies Tunesmith's {@link EventWeights} in SQL (play × fraction played, skips, likes,
 * favourites, shares, comments, 30-day half-life), keeps positive sums only, and feeds Spark {@code log(1 + w)}
 * so that Spark's confidence {@code 1 + α·r} equals Tunesmith's {@code 1 + α·log(1 + w)}. Unlike the in-process
 * trainer it reads every event (not the newest 2,000 per user) and adds no friends' prior.
 */
public final class SparkTraining {

    /** Settings of one run; the defaults are those of the in-process trainer. */
    public record Options(String master, int rank, double lambda, double alpha, int iterations, long seed, boolean evaluate, boolean live) {
        public static Options defaults() {
            var d = EngineTrainer.Options.DEFAULTS.served();
            return new Options("local[2]", d.alsFactors(), d.alsLambda(), d.alsAlpha(), d.alsIterations(), d.seed(), true, true);
        }
    }

    private static final List<String> JVM_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private final Vertx vertx;
    private final AppConfig.Database db;
    private final RecommenderService recommender;

    public SparkTraining(Vertx vertx, AppConfig.Database db, RecommenderService recommender) {
        this.vertx = vertx;
        this.db = db;
        this.recommender = recommender;
    }

    /** The Spark module's build folder ({@code TUNESMITH_SPARK_HOME}, default {@code src/spark/target}). */
    public static Path sparkHome() {
        return Path.of(System.getenv().getOrDefault("TUNESMITH_SPARK_HOME", "src/spark/target"));
    }

    /** The java binary for Spark: {@code TUNESMITH_SPARK_JAVA}, else a JDK 17 or 21 under /usr/lib/jvm. */
    public static String sparkJava() {
        String env = System.getenv("TUNESMITH_SPARK_JAVA");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String v : List.of("17", "21")) {
            File[] jdks = new File("/usr/lib/jvm").listFiles((d, n) -> n.matches("(java-|jdk-?|temurin-|openjdk-)" + v + "\\b.*"));
            if (jdks != null) {
                for (File j : jdks) {
                    if (new File(j, "bin/java").canExecute()) {
                        return new File(j, "bin/java").getPath();
                    }
                }
            }
        }
        throw new IllegalStateException("no JDK 17 or 21 for Spark (set TUNESMITH_SPARK_JAVA); Spark's Hadoop client fails on Java 23+");
    }

    /** The (user_id, track_id, weight) pairs query, from Tunesmith's event weights. */
    static String pairsQuery(EventWeights w) {
        double halfLifeSeconds = w.halfLife().toSeconds();
        String weight = String.format(Locale.ROOT, "CASE e.type WHEN 'play' THEN %s * CASE WHEN e.played_sec IS NULL OR coalesce(t.duration_sec, 0) <= 0 "
                        + "THEN 1 ELSE greatest(0, least(1, e.played_sec / t.duration_sec)) END WHEN 'skip' THEN %s WHEN 'like' THEN %s "
                        + "WHEN 'unlike' THEN %s WHEN 'favorite' THEN %s WHEN 'unfavorite' THEN %s WHEN 'share' THEN %s WHEN 'comment' THEN %s ELSE 0 END "
                        + "* power(0.5, greatest(0, extract(epoch FROM now() - e.created_at)) / %s)",
                w.play(), w.skip(), w.like(), -w.like(), w.favorite(), -w.favorite(), w.share(), w.comment(), halfLifeSeconds);
        return "SELECT e.user_id, e.track_id, sum(" + weight + ")::float8 AS weight FROM events e JOIN tracks t ON t.id = e.track_id "
                + "AND NOT t.hidden GROUP BY e.user_id, e.track_id HAVING sum(" + weight + ") > 0";
    }

    /**
     * Runs Spark, then stores the factors as a new version (live when {@code o.live()}). {@code log} receives
     * Spark's output lines. Completes with the version's metrics (with {@code "version"}).
     */
    public Future<JsonObject> train(Options o, Consumer<String> log, Long jobId) {
        Path home = sparkHome();
        Path cpFile = home.resolve("spark-cp.txt");
        if (!Files.isRegularFile(cpFile) || !Files.isDirectory(home.resolve("classes"))) {
            return Future.failedFuture(new IllegalStateException("the Spark module is not built (" + cpFile
                    + " missing): ./tunesmith builds it, or JAVA_HOME=<JDK 17> mvn -f src/spark/pom.xml compile"));
        }
        // a long-running worker of its own: the run takes minutes to hours, past the blocked-thread warnings of the default pool
        io.vertx.core.WorkerExecutor worker = vertx.createSharedWorkerExecutor("tunesmith-spark", 1, 6, TimeUnit.HOURS);
        return worker.<JsonObject>executeBlocking(() -> runSpark(o, home, cpFile, log), false)
                .compose(run -> recommender.catalog().compose(catalog -> vertx.<Object[]>executeBlocking(() -> {
                    Map<Long, float[]> factors = new HashMap<>();
                    Map<Long, Float> users = new HashMap<>();
                    int k = readFactors(Path.of(run.getString("out")).resolve("items.tsv"), factors, users);
                    JsonObject metrics = run.getJsonObject("metrics");
                    var engine = EngineTrainer.fromAlsFactors(catalog, factors, users, k, metrics.getDouble("regParam"), o.alpha(),
                            recommender.embedder(), EngineConfig.DEFAULTS);
                    return new Object[] {engine, catalog, metrics.put("tracks", catalog.size()).put("tracksWithFactors", factors.size())};
                }, false)).compose(r -> {
                    worker.close();
                    JsonObject metrics = (JsonObject) r[2];
                    String version = "s" + System.currentTimeMillis();
                    @SuppressWarnings("unchecked")
                    var catalog = (List<dev.tunesmith.recommend.CatalogItem>) r[1];
                    return recommender.install((dev.tunesmith.recommend.RecommendationEngine) r[0], catalog, version, metrics, o.live(), jobId)
                            .map(v -> metrics.copy().put("version", v).put("live", o.live()));
                }));
    }

    private JsonObject runSpark(Options o, Path home, Path cpFile, Consumer<String> log) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("tunesmith-spark-train");
        List<String> cmd = new ArrayList<>();
        cmd.add(sparkJava());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-Xmx" + System.getenv().getOrDefault("TUNESMITH_SPARK_XMX", "4g"));
        cmd.add("-cp");
        cmd.add(home.resolve("classes") + File.pathSeparator + Files.readString(cpFile).trim());
        cmd.add("dev.tunesmith.spark.SparkTrainMain");
        cmd.addAll(List.of("--jdbc", db.jdbcUrl(), "--query", pairsQuery(EventWeights.DEFAULTS), "--out", out.toString(),
                "--master", o.master(), "--rank", Integer.toString(o.rank()), "--lambda", Double.toString(o.lambda()),
                "--alpha", Double.toString(o.alpha()), "--iterations", Integer.toString(o.iterations()), "--seed", Long.toString(o.seed()),
                "--eval", Boolean.toString(o.evaluate())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TUNESMITH_DB_USER", db.user());
        pb.environment().put("TUNESMITH_DB_PASSWORD", db.password());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    log.accept(line);
                    last = line;
                }
            }
        }
        if (!p.waitFor(6, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Spark training timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Spark training failed (exit " + p.exitValue() + "): " + last);
        }
        JsonObject metrics = new JsonObject(Files.readString(out.resolve("metrics.json")));
        metrics.put("wallSeconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
        return new JsonObject().put("out", out.toString()).put("metrics", metrics);
    }

    /** Reads {@code trackId \t users \t f1,…,fk} rows; returns k. */
    private static int readFactors(Path file, Map<Long, float[]> factors, Map<Long, Float> users) throws IOException {
        int k = -1;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            String[] v = f[2].split(",");
            float[] row = new float[v.length];
            for (int j = 0; j < v.length; j++) {
                row[j] = Float.parseFloat(v[j]);
            }
            k = row.length;
            factors.put(Long.parseLong(f[0]), row);
            users.put(Long.parseLong(f[0]), Float.parseFloat(f[1]));
        }
        if (k < 0) {
            throw new IllegalStateException("Spark wrote no item factors");
        }
        return k;
    }
}
