package dev.tunesmith.jobs;

import dev.tunesmith.recommend.eval.Protocol;
import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.eval.EvalResult;
import dev.tunesmith.recommend.eval.Evaluator;
import dev.tunesmith.recommend.model.ScorerTrainer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The evaluation protocol as an admin job: HetRec Last.fm 2K, 5-fold per-user 20 % holdout (seeded),
 * every scorer and the hybrid; results stored in {@code eval_runs} for the dashboard's charts.
 */
public final class EvalJob {

    private EvalJob() {}

    public static Future<JsonObject> run(Vertx vertx, Pool pool, Path hetrec, int folds, JobService.Job job) {
        return run(vertx, pool, hetrec, folds, job, ServedConfig.DEFAULTS);
    }

    /** The evaluation job, with the served recommender (the row {@code served}) trained with {@code served}. */
    public static Future<JsonObject> run(Vertx vertx, Pool pool, Path hetrec, int folds, JobService.Job job,
            ServedConfig served) {
        if (!Files.isDirectory(hetrec)) {
            return Future.failedFuture(new IllegalArgumentException("HetRec data folder not found: " + hetrec));
        }
        return vertx.executeBlocking(() -> {
            HetRecData d = HetRecData.load(hetrec);
            List<ScorerTrainer> baselines = Protocol.defaultTrainers(d, Protocol.SEED, Map.of());
            List<ScorerTrainer> trainers = new java.util.ArrayList<>(baselines);
            trainers.add(Protocol.served(d, served));
            job.progress(0.05);
            PrintStream log = JobLog.of(job, 12);
            List<EvalResult> results = new Evaluator(5, folds, Protocol.SEED, log)
                    .run(d.plays(), trainers, baselines.stream().map(ScorerTrainer::name).toList());
            return results;
        }, false).compose(results -> {
            JsonObject scorers = new JsonObject();
            for (EvalResult r : results) {
                scorers.put(r.scorer(), new JsonObject(r.toJson()));
            }
            JsonObject out = new JsonObject().put("folds", folds).put("scorers", scorers);
            String protocol = "hetrec-lastfm-2k, 5-fold per-user 20% holdout, seed " + Protocol.SEED + ", " + folds + " fold(s) evaluated";
            return new EvalRunStore(pool).save(protocol, out).map(v -> out);
        });
    }

}
