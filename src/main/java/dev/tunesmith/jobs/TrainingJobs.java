package dev.tunesmith.jobs;

import dev.tunesmith.music.lm.LmTrainer;
import dev.tunesmith.music.lyrics.LyricsTrainer;
import dev.tunesmith.music.melody.MelodyTrainer;
import dev.tunesmith.recommend.service.ModelRegistry;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Melody and lyrics training as admin jobs: the trainer runs on a dedicated long-running worker,
 * prints progress into the job log, writes its weights into a new versioned folder under the state
 * directory and records the version with its validation loss in {@code models}. The server keeps
 * serving the weights it started with; a new version is used by pointing a restart at its folder
 * (see README "Models"), so a bad run can never replace a working model in place.
 */
public final class TrainingJobs {

    private final WorkerExecutor training;
    private final ModelRegistry models;
    private final Path sharedData;
    private final Path stateDir;

    public TrainingJobs(WorkerExecutor training, Pool pool, Path sharedData, Path stateDir) {
        this.training = training;
        this.models = new ModelRegistry(pool);
        this.sharedData = sharedData;
        this.stateDir = stateDir;
    }

    public Future<JsonObject> melody(JobService.Job job, JsonObject params) {
        String version = "m" + System.currentTimeMillis();
        Path out = stateDir.resolve("models/melody-" + version);
        int epochs = params.getInteger("epochs", 1);
        int maxBatches = params.getInteger("maxBatches", 0);
        return training.<JsonObject>executeBlocking(() -> {
            Files.createDirectories(out);
            MelodyTrainer.Options d = MelodyTrainer.Options.defaults(sharedData.resolve("nottingham-abc"), out, epochs, 42);
            MelodyTrainer.Result r = MelodyTrainer.train(new MelodyTrainer.Options(d.data(), out, epochs, d.seed(), d.batchSize(), d.window(),
                    d.extraKeys(), d.shape(), d.learningRate(), maxBatches, JobLog.of(job, 20 * epochs)));
            return new JsonObject().put("version", version).put("out", out.toString()).put("bestValidationLoss", r.bestValidationLoss())
                    .put("bestEpoch", r.bestEpoch()).put("parameters", r.parameters()).put("tokensPerSecond", Math.round(r.trainTokensPerSecond()))
                    .put("harmonyAgreement", r.harmonyAgreement());
        }, false).compose(result -> record("melody", version, result, job.id()));
    }

    public Future<JsonObject> lyrics(JobService.Job job, JsonObject params) {
        String version = "l" + System.currentTimeMillis();
        Path out = stateDir.resolve("models/lyrics-" + version);
        int epochs = params.getInteger("epochs", 1);
        int maxBatches = params.getInteger("maxBatches", 0);
        return training.<JsonObject>executeBlocking(() -> {
            Files.createDirectories(out);
            LyricsTrainer.Options d = LyricsTrainer.Options.defaults(sharedData.resolve("gutenberg-songs"), out, epochs, 42);
            LmTrainer.Result r = LyricsTrainer.train(new LyricsTrainer.Options(d.data(), out, epochs, d.seed(), d.vocabularySize(), d.shape(),
                    maxBatches, JobLog.of(job, 20 * epochs)));
            return new JsonObject().put("version", version).put("out", out.toString()).put("bestValidationLoss", r.bestValidationLoss())
                    .put("bestEpoch", r.bestEpoch()).put("parameters", r.parameters()).put("tokensPerSecond", Math.round(r.trainTokensPerSecond()));
        }, false).compose(result -> record("lyrics", version, result, job.id()));
    }

    private Future<JsonObject> record(String kind, String version, JsonObject metrics, long jobId) {
        return models.record(kind, version, metrics, jobId).map(v -> metrics);
    }
}
