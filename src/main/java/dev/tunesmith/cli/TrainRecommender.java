package dev.tunesmith.cli;

import dev.tunesmith.Main;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import dev.tunesmith.platform.embed.CachingEmbeddingModel;
import dev.tunesmith.recommend.service.RecommenderService;
import dev.tunesmith.jobs.SparkTraining;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tunesmith train [recommender]}: trains on the catalog and every user's events, stores
 * the model in Postgres and makes it live. A running server loads it at its next start, or at once
 * when an admin activates it (or trains from the dashboard, which swaps it in-process).
 */
final class TrainRecommender {

    private TrainRecommender() {}

    /** {@code --engine spark}: Spark MLlib ALS in a JVM Spark supports, factors stored as a new version. */
    static int runSpark(AppConfig config, Args a) {
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Db.pool(vertx, config.db());
            var service = new RecommenderService(vertx, pool, new CachingEmbeddingModel(new AllMiniLmL6V2EmbeddingModel()));
            SparkTraining.Options d = SparkTraining.Options.defaults();
            SparkTraining.Options o = new SparkTraining.Options(a.get("master", d.master()), a.getInt("rank", d.rank()), d.lambda(), d.alpha(),
                    a.getInt("iterations", d.iterations()), d.seed(), !a.has("no-eval"), !a.has("not-live"));
            long start = System.nanoTime();
            System.out.printf("training with Spark MLlib (%s, rank %d, %d iterations) on the events in %s%n", o.master(), o.rank(), o.iterations(),
                    config.db());
            JsonObject result = new SparkTraining(vertx, config.db(), service).train(o, line -> {
                if (!line.contains(" INFO ") && !line.startsWith("WARNING")) {
                    System.out.println("  spark | " + line);
                }
            }, null).await(6, TimeUnit.HOURS);
            System.out.println(result.encodePrettily());
            System.out.printf("recommender %s (engine spark) stored%s (%.1f s). Running servers load it when an admin activates it "
                    + "(POST /api/admin/models/{id}/activate; in a cluster every node follows).%n", result.getString("version"),
                    o.live() ? " and live" : "", (System.nanoTime() - start) / 1e9);
            pool.close().await(5, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("tunesmith: Spark training failed: " + UsageException.rootMessage(e));
            return 1;
        } finally {
            vertx.close();
        }
    }

    static int run(AppConfig config) {
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Db.pool(vertx, config.db());
            var service = new RecommenderService(vertx, pool, new CachingEmbeddingModel(new AllMiniLmL6V2EmbeddingModel()),
                    RecommenderService.served(config.recommender()));
            int[] last = {-1};
            long start = System.nanoTime();
            String version = service.retrain(p -> {
                int percent = (int) (p * 100);
                if (percent / 10 != last[0] / 10) {
                    last[0] = percent;
                    System.out.printf("  %3d %%%n", percent);
                }
            }, null, true).await(30, TimeUnit.MINUTES);
            System.out.printf("recommender %s trained and live (%.1f s)%n", version, (System.nanoTime() - start) / 1e9);
            pool.close().await(5, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("tunesmith: training failed: " + UsageException.rootMessage(e));
            return 1;
        } finally {
            vertx.close();
        }
    }
}
