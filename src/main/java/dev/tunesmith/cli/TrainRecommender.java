package dev.tunesmith.cli;

import dev.tunesmith.Main;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import dev.tunesmith.platform.embed.CachingEmbeddingModel;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tunesmith train [recommender]}: trains on the catalog and every user's events, stores
 * the model in Postgres and makes it live. A running server loads it at its next start, or at once
 * when an admin activates it (or trains from the dashboard, which swaps it in-process).
 */
final class TrainRecommender {

    private TrainRecommender() {}

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
            }, null).await(30, TimeUnit.MINUTES);
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
